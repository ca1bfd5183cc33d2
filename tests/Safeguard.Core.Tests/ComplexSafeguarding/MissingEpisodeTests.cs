using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Work;
using static Safeguard.Core.Tests.ComplexSafeguarding.MissingFixture;

namespace Safeguard.Core.Tests.ComplexSafeguarding;

/// <summary>Missing episodes and return home interviews: the rules, the version checks, the 72-hour clock, repeat missing, due work and the chronology.</summary>
public class MissingEpisodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    private static async Task<IReadOnlyList<ValidationProblem>> RefusedAsync(Func<Task> act) =>
        (await Assert.ThrowsAsync<SafeguardValidationException>(act)).Problems;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_episode_is_checked_field_by_field_and_nothing_is_saved_when_refused(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var started = Utc(2026, 11, 20, 18);

        var empty = await RefusedAsync(() => f.Missing.RecordAsync(f.ChildId, new MissingEpisodeDetails(), f.Worker, Ct));
        Assert.Equal(["ReportedByAgencyId", "Kind", "StartedAt", "From", "LookedAfter", "ReportedByName"], empty.Select(p => p.Field));

        var future = await RefusedAsync(() => f.Missing.RecordAsync(f.ChildId, Episode(Utc(2026, 11, 23, 10), agency: f.PoliceAgencyId), f.Worker, Ct));
        Assert.Equal(("StartedAt", "The date and time the child went missing must be now or in the past"), (future[0].Field, future[0].Message));

        var backwards = await RefusedAsync(() => f.Missing.RecordAsync(f.ChildId, Episode(started, started.AddMinutes(-1), f.PoliceAgencyId), f.Worker, Ct));
        Assert.Equal(("EndedAt", "The child cannot have returned before they went missing"), (backwards[0].Field, backwards[0].Message));

        var notFound = await RefusedAsync(() => f.Missing.RecordAsync(f.ChildId, Episode(started, started.AddHours(3), f.PoliceAgencyId) with { WhereFound = " " }, f.Worker, Ct));
        Assert.Equal(("WhereFound", "Enter where the child was found or returned to"), (notFound[0].Field, notFound[0].Message));

        var awayFromHome = await RefusedAsync(() => f.Missing.RecordAsync(f.ChildId, Episode(started, agency: f.PoliceAgencyId, kind: MissingKind.AwayWithoutAuthorisation), f.Worker, Ct));
        Assert.Equal(["From", "LookedAfter"], awayFromHome.Select(p => p.Field));
        Assert.Equal("A child is away without authorisation only from a care placement", awayFromHome[0].Message);

        Assert.Empty(await f.Services.Db.Set<MissingEpisode>().ToListAsync(Ct));

        var away = await f.Missing.RecordAsync(f.ChildId, Episode(started, agency: f.PoliceAgencyId, kind: MissingKind.AwayWithoutAuthorisation, from: MissingFrom.CarePlacement, lookedAfter: true), f.Worker, Ct);
        var saved = await f.Services.Db.Set<MissingEpisode>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((f.ChildId, "Amira Khan", MissingKind.AwayWithoutAuthorisation, started, (DateTimeOffset?)null, "Sam Worker", false),
            (saved.PersonId, saved.DescribedName, saved.Kind, saved.StartedAt, saved.EndedAt, saved.RecordedByName, saved.ReportedByPartner));
        Assert.Contains(await f.Services.Db.AuditEvents.Where(e => e.EntityType == "MissingEpisode" && e.EntityId == away.Id.ToString()).Select(e => e.Process).ToListAsync(Ct),
            p => p == "Missing.RecordEpisode");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_change_made_meanwhile_is_refused_for_an_episode_and_for_its_interview(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episode = await f.RecordAsync(Utc(2026, 11, 20, 18));
        var ended = Utc(2026, 11, 21, 2);
        await f.Missing.ChangeAsync(episode.Id, 0, Episode(Utc(2026, 11, 20, 18), ended, f.PoliceAgencyId), f.Worker, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Missing.ChangeAsync(episode.Id, 0, Episode(Utc(2026, 11, 20, 17), ended, f.PoliceAgencyId), f.Worker, Ct));
        var view = (await f.Missing.GetAsync(episode.Id, f.Worker, Ct))!;
        Assert.Equal((Utc(2026, 11, 20, 18), (DateTimeOffset?)ended, 1), (view.Episode.StartedAt, view.Episode.EndedAt, view.Episode.Version));

        await f.Missing.RecordInterviewAsync(episode.Id, 0, Interview(Utc(2026, 11, 21, 10), ReturnInterviewOutcome.Offered), f.Worker, Ct);
        await f.Missing.RecordInterviewAsync(episode.Id, 0, Interview(Utc(2026, 11, 21, 10), held: Utc(2026, 11, 22, 11)), f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            f.Missing.RecordInterviewAsync(episode.Id, 0, Interview(Utc(2026, 11, 21, 10), ReturnInterviewOutcome.Declined, reason: "Did not want to talk"), f.Worker, Ct));
        var interview = (await f.Missing.GetAsync(episode.Id, f.Worker, Ct))!.Episode.Interview!;
        Assert.Equal((ReturnInterviewOutcome.Accepted, (DateTimeOffset?)Utc(2026, 11, 22, 11), 1), (interview.Outcome, interview.HeldAt, interview.Version));

        var stillMissing = await f.RecordAsync(Utc(2026, 11, 22, 18));
        await f.Missing.ChangeAsync(stillMissing.Id, 0, Episode(Utc(2026, 11, 22, 17), agency: f.PoliceAgencyId), f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Missing.RecordReturnAsync(stillMissing.Id, 0, Utc(2026, 11, 23, 1), "Home", partner: false, f.Worker, Ct));
        await f.Missing.RecordReturnAsync(stillMissing.Id, 1, Utc(2026, 11, 23, 1), "Home", partner: false, f.Worker, Ct);

        // Moving the return after the offer, or undoing it, would make the interview impossible: refused.
        var late = await RefusedAsync(() => f.Missing.ChangeAsync(episode.Id, 1, Episode(Utc(2026, 11, 20, 18), Utc(2026, 11, 21, 11), f.PoliceAgencyId), f.Worker, Ct));
        Assert.Equal("The return cannot be after the return home interview was offered", Assert.Single(late).Message);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_interview_needs_a_return_an_offer_after_it_and_a_reason_when_declined_or_not_possible(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var missing = await f.RecordAsync(Utc(2026, 11, 20, 18));
        var notBack = await RefusedAsync(() => f.Missing.RecordInterviewAsync(missing.Id, 0, Interview(Utc(2026, 11, 21, 10)), f.Worker, Ct));
        Assert.Equal("Record the child's return first: an interview is offered after they return", Assert.Single(notBack).Message);

        var ended = await f.RecordAsync(Utc(2026, 11, 19, 18), Utc(2026, 11, 20, 1));
        var early = await RefusedAsync(() => f.Missing.RecordInterviewAsync(ended.Id, 0, Interview(Utc(2026, 11, 20, 0)), f.Worker, Ct));
        Assert.Equal(("OfferedAt", "The interview cannot be offered before the child returned"), (Assert.Single(early).Field, early[0].Message));
        var declined = await RefusedAsync(() => f.Missing.RecordInterviewAsync(ended.Id, 0, Interview(Utc(2026, 11, 20, 9), ReturnInterviewOutcome.Declined) with { Independent = null }, f.Worker, Ct));
        Assert.Equal([("Independent", "Select whether the interviewer is independent of the child's care"), ("Reason", "Say why the child declined, as far as you know")],
            declined.Select(p => (p.Field, p.Message)));
        var heldBeforeOffer = await RefusedAsync(() => f.Missing.RecordInterviewAsync(ended.Id, 0, Interview(Utc(2026, 11, 20, 9), held: Utc(2026, 11, 20, 8)), f.Worker, Ct));
        Assert.Equal(("HeldAt", "The interview cannot take place before it was offered"), (heldBeforeOffer[0].Field, heldBeforeOffer[0].Message));

        await f.Missing.RecordInterviewAsync(ended.Id, 0, Interview(Utc(2026, 11, 20, 9), ReturnInterviewOutcome.NotPossible, reason: "Moved to a placement out of area"), f.Worker, Ct);
        var saved = (await f.Missing.GetAsync(ended.Id, f.Worker, Ct))!.Episode.Interview!;
        Assert.Equal((ReturnInterviewOutcome.NotPossible, (DateTimeOffset?)null, "Moved to a placement out of area"), (saved.Outcome, saved.HeldAt, saved.Reason));
    }

    /// <summary>
    /// 72 elapsed hours from the return, whatever the clocks do: the due instant is the return plus 72 hours, and its UK
    /// date and time move with British Summer Time (domain.md §3: hours, not working days).
    /// </summary>
    [Theory]
    [InlineData("2026-11-20T23:30:00Z", "2026-11-23T23:30:00Z", "2026-11-23", "23:30", DeadlineStatus.DueToday)] // across midnight, GMT throughout
    [InlineData("2026-03-27T22:30:00Z", "2026-03-30T22:30:00Z", "2026-03-30", "23:30", DeadlineStatus.Overdue)] // clocks go forward on Sunday 29 March: 22:30 GMT is due at 23:30 BST
    [InlineData("2026-03-27T23:30:00Z", "2026-03-30T23:30:00Z", "2026-03-31", "00:30", DeadlineStatus.Overdue)] // ... and 23:30 GMT on Friday is due after midnight, on Tuesday
    [InlineData("2026-10-23T22:30:00Z", "2026-10-26T22:30:00Z", "2026-10-26", "22:30", DeadlineStatus.Overdue)] // clocks go back on Sunday 25 October: 23:30 BST is due at 22:30 GMT
    [InlineData("2026-10-23T23:30:00Z", "2026-10-26T23:30:00Z", "2026-10-26", "23:30", DeadlineStatus.Overdue)] // 00:30 BST on Saturday is due at 23:30 GMT on Monday, before midnight
    public async Task The_interview_clock_runs_72_elapsed_hours_from_the_return(string returned, string dueInstant, string dueDate, string dueUkTime, DeadlineStatus today)
    {
        await using var f = await CreateAsync(DatabaseProvider.Sqlite);
        var ended = DateTimeOffset.Parse(returned, System.Globalization.CultureInfo.InvariantCulture);
        var episode = await f.RecordAsync(ended.AddHours(-6), ended);

        var clock = (await f.Missing.GetAsync(episode.Id, f.Worker, Ct))!.Clock!;

        Assert.Equal(DateTimeOffset.Parse(dueInstant, System.Globalization.CultureInfo.InvariantCulture), clock.Deadline.DueInstant);
        Assert.Equal(DateOnly.Parse(dueDate, System.Globalization.CultureInfo.InvariantCulture), clock.Deadline.DueDate);
        Assert.Equal(dueUkTime, UkTime.ToUkLocal(clock.Deadline.DueInstant!.Value).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(today, clock.Status);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_offer_at_the_72nd_hour_is_on_time_and_a_minute_later_is_late_across_the_october_change(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        // Returned 23:30 BST on Friday 23 October; 72 hours later is 22:30 GMT on Monday 26 October.
        var ended = Utc(2026, 10, 23, 22, 30);
        var onTime = await f.RecordAsync(ended.AddHours(-5), ended);
        var late = await f.RecordAsync(ended.AddHours(-5), ended);
        await f.Missing.RecordInterviewAsync(onTime.Id, 0, Interview(UkTime.FromUkLocal(new DateTime(2026, 10, 26, 22, 30, 0))), f.Worker, Ct);
        await f.Missing.RecordInterviewAsync(late.Id, 0, Interview(UkTime.FromUkLocal(new DateTime(2026, 10, 26, 22, 31, 0))), f.Worker, Ct);

        Assert.Equal(DeadlineStatus.MetOnTime, (await f.Missing.GetAsync(onTime.Id, f.Worker, Ct))!.Clock!.Status);
        Assert.Equal(DeadlineStatus.MetLate, (await f.Missing.GetAsync(late.Id, f.Worker, Ct))!.Clock!.Status);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Three_episodes_in_90_days_flag_the_child_as_repeat_missing_on_their_record_and_due_work(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.Journey.OpenAsync();
        await f.Journey.Casework.AllocateAsync(episodeId, 0, f.Journey.Team.Id, f.Worker.UserId, f.Worker, Ct);
        // 90 days up to Monday 23 November start on Wednesday 26 August: the first episode is a day too early.
        await f.RecordAsync(Utc(2026, 8, 25, 12), Utc(2026, 8, 25, 20));
        await f.RecordAsync(Utc(2026, 8, 26, 12), Utc(2026, 8, 26, 20));
        await f.RecordAsync(Utc(2026, 10, 1, 12), Utc(2026, 10, 1, 20));
        var child = (await f.Missing.ForChildAsync(f.ChildId, f.Worker, Ct))!;
        Assert.Equal((2, false), (child.InLast90Days, child.IsRepeatMissing));

        var latest = await f.RecordAsync(Utc(2026, 11, 21, 22), Utc(2026, 11, 22, 4));
        child = (await f.Missing.ForChildAsync(f.ChildId, f.Worker, Ct))!;
        Assert.Equal((3, true, 4), (child.InLast90Days, child.IsRepeatMissing, child.Episodes.Count));
        // At each start: the episodes of the 90 days up to it, itself included.
        Assert.Equal([4, 3, 2, 1], child.Episodes.Select(e => e.RepeatCount));

        var source = Assert.Single(f.Services.Get<IEnumerable<IDueWorkSource>>().OfType<MissingDueWorkSource>());
        var mine = await source.DueAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct);
        Assert.Equal(4, mine.Count);
        var due = Assert.Single(mine, d => d.Link == $"/missing/episodes/{latest.Id}");
        Assert.Equal(("Return home interview (repeat missing: 3 episodes in 90 days)", Utc(2026, 11, 25, 4), DeadlineStatus.DueSoon, f.Journey.Team.Id),
            (due.What, due.Assessment.Deadline.DueInstant!.Value, due.Assessment.Status, due.TeamId));
        Assert.Equal(4, (await source.DueAsync(new DueWorkQuery(TeamId: f.Journey.Team.Id), Ct)).Count);
        Assert.Empty(await source.DueAsync(new DueWorkQuery(WorkerId: Guid.NewGuid()), Ct));

        // An interview offered takes the episode off due work.
        await f.Missing.RecordInterviewAsync(latest.Id, 0, Interview(Utc(2026, 11, 22, 10), ReturnInterviewOutcome.Offered), f.Worker, Ct);
        Assert.DoesNotContain(await source.DueAsync(new DueWorkQuery(), Ct), d => d.Link == $"/missing/episodes/{latest.Id}");
        Assert.Equal(3, (await source.DueAsync(new DueWorkQuery(), Ct)).Count(d => d.Assessment.Status == DeadlineStatus.Overdue));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_police_report_for_their_own_force_and_see_only_what_their_force_reported(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var people = f.Services.Get<PersonIndex>();
        var known = await people.CreateAsync(new NewPerson { GivenNames = "Kai", FamilyName = "Doyle", DateOfBirth = new DateOnly(2011, 4, 2), Sex = "M", NhsNumber = "9434765919" }, [], f.Worker, Ct);
        var report = new MissingReport(Episode(Utc(2026, 11, 22, 21)), null, new NewPerson { GivenNames = "K", FamilyName = "D", DateOfBirth = new DateOnly(2011, 4, 2), Sex = "M", NhsNumber = "943 476 5919" });

        var teacher = await RefusedAsync(() => f.Missing.ReportAsync(report, f.Teacher, Ct));
        Assert.Equal(("ReportedByAgencyId", "Only a member of a police force can report a child missing here"), (teacher[0].Field, teacher[0].Message));
        var noRisk = await RefusedAsync(() => f.Missing.ReportAsync(report with { Episode = report.Episode with { RiskAtReport = null } }, f.Police, Ct));
        Assert.Equal("RiskAtReport", Assert.Single(noRisk).Field);

        // Matched on the NHS number; the force's own name for the reporting officer is kept.
        var matched = await f.Missing.ReportAsync(report, f.Police, Ct);
        Assert.Equal((known.Id, f.PoliceAgencyId, true), (matched.PersonId, matched.ReportedByAgencyId, matched.ReportedByPartner));

        // A child not known is added to the person index; one like a record the police may not see is left for the front door.
        var newChild = await f.Missing.ReportAsync(report with { Child = new NewPerson { GivenNames = "Nia", FamilyName = "Okafor", DateOfBirth = new DateOnly(2010, 1, 5), Sex = "F" } }, f.Police, Ct);
        Assert.NotNull(newChild.PersonId);
        var lookAlike = await f.Missing.ReportAsync(report with { Child = new NewPerson { GivenNames = "Amira", FamilyName = "Khan", DateOfBirth = new DateOnly(2018, 3, 14), Sex = "F" } }, f.OtherPolice, Ct);
        Assert.Null(lookAlike.PersonId);

        // A force names a child by id only when it reported them before.
        var byId = await RefusedAsync(() => f.Missing.ReportAsync(report with { PersonId = f.ChildId, Child = null }, f.Police, Ct));
        Assert.Equal("Child", Assert.Single(byId).Field);
        var again = await f.Missing.ReportAsync(report with { PersonId = known.Id, Child = null }, f.Police, Ct);
        Assert.Equal(known.Id, again.PersonId);

        var mine = await f.Missing.ReportedByAgencyAsync(f.Police, Ct);
        Assert.Equal(3, mine.Count);
        Assert.DoesNotContain(mine, e => e.EpisodeId == lookAlike.Id);
        Assert.Null(await f.Missing.ReportedEpisodeAsync(lookAlike.Id, f.Police, Ct));
        Assert.NotNull(await f.Missing.ReportedEpisodeAsync(lookAlike.Id, f.OtherPolice, Ct));

        // The force records the return on its own report only.
        var otherReturn = await RefusedAsync(() => f.Missing.RecordReturnAsync(matched.Id, 0, Utc(2026, 11, 23, 2), "Home", partner: true, f.OtherPolice, Ct));
        Assert.Equal("There is no such episode reported by your agency", Assert.Single(otherReturn).Message);
        await f.Missing.RecordReturnAsync(matched.Id, 0, Utc(2026, 11, 23, 2), "Found at Bury Interchange", partner: true, f.Police, Ct);
        Assert.Equal(Utc(2026, 11, 23, 2), (await f.Missing.ReportedEpisodeAsync(matched.Id, f.Police, Ct))!.EndedAt);

        // The front door identifies the child on the look-alike report.
        var overview = await f.Missing.OverviewAsync(f.Worker, cancellationToken: Ct);
        Assert.Equal([lookAlike.Id], overview.ToIdentify.Select(v => v.Episode.Id));
        Assert.Equal("Amira Khan", overview.ToIdentify[0].ChildName);
        await f.Missing.LinkChildAsync(lookAlike.Id, 0, f.ChildId, f.Worker, Ct);
        Assert.Empty((await f.Missing.OverviewAsync(f.Worker, cancellationToken: Ct)).ToIdentify);
        await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Missing.LinkChildAsync(lookAlike.Id, 1, known.Id, f.Worker, Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_overview_pages_the_interviews_to_offer_oldest_first_and_counts_the_overdue_ones_across_every_page(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        // Now is 23 November 09:00: an interview is due within 72 hours of the return.
        var returns = new[] { Utc(2026, 11, 21, 1), Utc(2026, 11, 19, 1), Utc(2026, 11, 22, 20), Utc(2026, 11, 20, 1) };
        var episodes = new List<MissingEpisode>();
        foreach (var ended in returns)
        {
            episodes.Add(await f.RecordAsync(ended.AddHours(-6), ended));
        }

        var interviewed = await f.RecordAsync(Utc(2026, 11, 18, 18), Utc(2026, 11, 19, 2));
        await f.Missing.RecordInterviewAsync(interviewed.Id, 0, Interview(Utc(2026, 11, 19, 10)), f.Worker, Ct);
        var stillMissing = await f.RecordAsync(Utc(2026, 11, 22, 18));

        var first = await f.Missing.OverviewAsync(f.Worker, new MissingOverviewPages(PageSize: 3), Ct);
        Assert.Equal([episodes[1].Id, episodes[3].Id, episodes[0].Id], first.InterviewsDue.Items.Select(v => v.Episode.Id));
        Assert.Equal((4, 1, 2, 2), (first.InterviewsDue.Total, first.InterviewsDue.Page, first.InterviewsDue.Pages, first.InterviewsOverdue));
        Assert.Equal([stillMissing.Id], first.MissingNow.Select(v => v.Episode.Id));
        Assert.Equal(5, first.RecentlyEnded.Total);
        Assert.Equal([episodes[2].Id, episodes[0].Id, episodes[3].Id], first.RecentlyEnded.Items.Select(v => v.Episode.Id));

        // A page past the end shows the last; each list pages on its own.
        var last = await f.Missing.OverviewAsync(f.Worker, new MissingOverviewPages(InterviewsPage: 99, RecentPage: 2, PageSize: 3), Ct);
        Assert.Equal([episodes[2].Id], last.InterviewsDue.Items.Select(v => v.Episode.Id));
        Assert.Equal(2, last.InterviewsDue.Page);
        Assert.Equal([interviewed.Id, episodes[1].Id], last.RecentlyEnded.Items.Select(v => v.Episode.Id));
        Assert.Equal(2, last.InterviewsOverdue);
        Assert.Equal([Safeguard.Timescales.DeadlineStatus.Overdue, Safeguard.Timescales.DeadlineStatus.Overdue, Safeguard.Timescales.DeadlineStatus.DueSoon],
            first.InterviewsDue.Items.Select(v => v.Clock!.Status));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Episodes_and_interviews_are_on_the_chronology_and_every_view_is_audited(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episode = await f.RecordAsync(Utc(2026, 11, 20, 18), Utc(2026, 11, 21, 2));
        await f.Missing.RecordInterviewAsync(episode.Id, 0, Interview(Utc(2026, 11, 21, 10), held: Utc(2026, 11, 21, 15)), f.Worker, Ct);

        var chronology = await f.Services.Get<ChronologyService>().ForPersonAsync(f.ChildId, new ChronologyFilter([ChronologyKinds.Missing, ChronologyKinds.ReturnInterview]), f.Worker, Ct);
        Assert.Equal(["Return home interview: accepted and held", "Returned from missing", "Missing from home (reported by Greater Manchester Police, medium risk)"],
            chronology!.Select(e => e.Title));
        Assert.Contains("Pull factors: Older friends with money", chronology![0].Detail!, StringComparison.Ordinal);

        await f.Missing.GetAsync(episode.Id, f.Worker, Ct);
        await f.Missing.ForChildAsync(f.ChildId, f.Worker, Ct);
        var reads = await f.Services.Db.AuditEvents.AsNoTracking().Where(e => e.Kind == AuditEventKind.Access).ToListAsync(Ct);
        Assert.Contains(reads, e => e.Process == "Missing.ViewEpisode" && e.EntityType == "MissingEpisode" && e.EntityId == episode.Id.ToString());
        Assert.Contains(reads, e => e.Process == "Missing.ViewEpisode" && e.EntityType == PersonIndex.EntityType && e.EntityId == f.ChildId.ToString());
        Assert.Contains(reads, e => e.Process == "Missing.ViewChild" && e.EntityId == f.ChildId.ToString());

        // A restricted child's episode is not shown to a user off the access list.
        var restricted = await f.Journey.AddChildAsync("Zara", "Hidden", restricted: true);
        var hidden = await f.RecordAsync(Utc(2026, 11, 20, 18), childId: restricted);
        var stranger = new Actor(Guid.NewGuid(), "Stranger", null);
        Assert.Null(await f.Missing.GetAsync(hidden.Id, stranger, Ct));

        // The overview is kept while the records are unchanged: the restricted child is named for each reader.
        Assert.Equal("Zara Hidden", Assert.Single((await f.Missing.OverviewAsync(f.Worker, cancellationToken: Ct)).MissingNow).ChildName);
        Assert.Equal(MissingEpisodeService.RestrictedName, Assert.Single((await f.Missing.OverviewAsync(stranger, cancellationToken: Ct)).MissingNow).ChildName);
        Assert.Equal("Zara Hidden", Assert.Single((await f.Missing.OverviewAsync(f.Worker, cancellationToken: Ct)).MissingNow).ChildName);
        Assert.Equal(3, await f.Services.Db.AuditEvents.CountAsync(e => e.Process == "Missing.Overview", Ct));

        // A change to the records shows at the next read.
        await f.Missing.RecordReturnAsync(hidden.Id, 0, Utc(2026, 11, 21, 2), "Home", partner: false, f.Worker, Ct);
        var returned = await f.Missing.OverviewAsync(stranger, cancellationToken: Ct);
        Assert.Empty(returned.MissingNow);
        Assert.Equal(MissingEpisodeService.RestrictedName, Assert.Single(returned.InterviewsDue.Items, v => v.Episode.Id == hidden.Id).ChildName);
    }
}
