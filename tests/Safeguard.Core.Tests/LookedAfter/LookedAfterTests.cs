using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Chronology;
using Safeguard.Common;
using Safeguard.Core.Tests.Journey;
using Safeguard.Identity;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Core.Tests.LookedAfter;

/// <summary>
/// Children looked after: episodes and their reasons, the review, health and dental timescales on due work, leaving
/// care, versions, chronology and audit. Today is Monday 23 November 2026; the child was born on 14 March 2018.
/// </summary>
public class LookedAfterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static async Task<IReadOnlyList<ValidationProblem>> RefusedAsync(Func<Task> act) =>
        (await Assert.ThrowsAsync<SafeguardValidationException>(act)).Problems;

    private sealed class Fixture(JourneyFixture journey, Actor iro) : IAsyncDisposable
    {
        public JourneyFixture Journey { get; } = journey;

        public Actor Iro { get; } = iro;

        public LookedAfterService Service => Journey.Services.Get<LookedAfterService>();

        public SafeguardDbContext Db => Journey.Services.Db;

        public Guid ChildId => Journey.ChildId;

        public Actor Worker => Journey.Worker;

        public static async Task<Fixture> CreateAsync(DatabaseProvider provider)
        {
            var journey = await JourneyFixture.CreateAsync(provider);
            var db = journey.Services.Db;
            var agencyId = journey.Worker.AgencyId!.Value;
            var user = new User { DisplayName = "Ira Reviewing", UserName = "ira.reviewing", AgencyId = agencyId, CreatedAt = JourneyFixture.Now };
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.Add(user);
                await db.SaveChangesAsync(Ct);
            }

            return new Fixture(journey, new Actor(user.Id, user.DisplayName, agencyId));
        }

        public StartDetails Start(DateOnly on) => new()
        {
            StartedOn = on,
            LegalStatus = "C1",
            CategoryOfNeed = "N1",
            PlacementType = "U6",
            PlacementProvider = "PR1",
            PlacementPostcode = "bl9  0ej",
            IroUserId = Iro.UserId,
        };

        public async Task<int> CurrentVersionAsync(Guid? childId = null) =>
            await Db.Set<CareEpisode>().AsNoTracking().Where(e => e.PersonId == (childId ?? ChildId) && e.EndedOn == null).Select(e => e.Version).SingleAsync(Ct);

        public ReviewDetails Review(DateOnly on, string participation = "PN1") => new() { HeldOn = on, IroUserId = Iro.UserId, Participation = participation, Decisions = "Stay with current carers." };

        public static HealthCheckDetails Health(DateOnly on, HealthCheckKind kind = HealthCheckKind.HealthAssessment) => new() { Kind = kind, DoneOn = on, DoneBy = "Dr Patel" };

        public ValueTask DisposeAsync() => Journey.DisposeAsync();
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Becoming_looked_after_is_checked_field_by_field_against_the_903_code_lists_and_nothing_is_saved_when_refused(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);

        var empty = await RefusedAsync(() => f.Service.StartAsync(f.ChildId, new StartDetails(), f.Worker, Ct));
        Assert.Equal(["StartedOn", "LegalStatus", "CategoryOfNeed", "PlacementType", "PlacementProvider", "PlacementPostcode", "IroUserId"], empty.Select(p => p.Field));

        var bad = await RefusedAsync(() => f.Service.StartAsync(f.ChildId, f.Start(D(2026, 11, 24)) with { LegalStatus = "C9", PlacementPostcode = "BL9", IroUserId = Guid.NewGuid() }, f.Worker, Ct));
        Assert.Equal(
            [("StartedOn", "Date the child became looked after must be today or in the past"), ("LegalStatus", "C9 is not a code of the legal status in the 2024-25 SSDA903 lists"),
             ("PlacementPostcode", "Enter a real postcode, like BL9 0EJ"), ("IroUserId", "Select the independent reviewing officer (IRO)")],
            bad.Select(p => (p.Field, p.Message)));
        var temporary = await RefusedAsync(() => f.Service.StartAsync(f.ChildId, f.Start(D(2026, 10, 1)) with { PlacementType = "T4" }, f.Worker, Ct));
        Assert.Equal(["A placement of type T4 records no placement provider: leave it blank", "A placement of type T4 records no postcode: leave it blank"], temporary.Select(p => p.Message));
        var parents = await RefusedAsync(() => f.Service.StartAsync(f.ChildId, f.Start(D(2026, 10, 1)) with { PlacementType = "P1", PlacementProvider = "PR4" }, f.Worker, Ct));
        Assert.Equal("A child placed with their parents (P1) has the provider PR0, parents or others with parental responsibility", Assert.Single(parents).Message);
        var unborn = await RefusedAsync(() => f.Service.StartAsync(f.ChildId, f.Start(D(2018, 3, 13)), f.Worker, Ct));
        Assert.Equal("The child cannot become looked after before they were born", Assert.Single(unborn).Message);
        Assert.Empty(await f.Db.Set<CareEpisode>().ToListAsync(Ct));

        var episode = await f.Service.StartAsync(f.ChildId, f.Start(D(2026, 10, 1)), f.Worker, Ct);
        var row = await f.Db.Set<CareEpisode>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal(("S", "C1", "N1", "U6", "PR1", "BL9 0EJ", f.Iro.UserId, "Ira Reviewing", (DateOnly?)null),
            (row.ReasonForNewEpisode, row.LegalStatus, row.CategoryOfNeed, row.PlacementType, row.PlacementProvider, row.PlacementPostcode, row.IroUserId!.Value, row.IroName, row.EndedOn));
        Assert.Contains("LookedAfter.Start", await f.Db.AuditEvents.Where(e => e.EntityType == "CareEpisode" && e.EntityId == episode.Id.ToString()).Select(e => e.Process).ToListAsync(Ct));

        var again = await RefusedAsync(() => f.Service.StartAsync(f.ChildId, f.Start(D(2026, 11, 1)), f.Worker, Ct));
        Assert.Equal("The child is already looked after (since 1 October 2026): record a placement move or change of legal status instead", Assert.Single(again).Message);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_placement_move_or_legal_status_change_is_a_new_episode_whose_reason_must_agree_with_what_changed(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var first = await f.Service.StartAsync(f.ChildId, f.Start(D(2026, 6, 1)), f.Worker, Ct);
        var move = new ChangeDetails { ChangedOn = D(2026, 8, 3), ReasonForNewEpisode = "P", PlacementType = "K2", PlacementProvider = "PR4", PlacementPostcode = "M1 1AE", ReasonPlacementChanged = "CREQB" };

        async Task<string> Refused(ChangeDetails details) => Assert.Single(await RefusedAsync(() => f.Service.ChangeAsync(f.ChildId, 0, details, f.Worker, Ct))).Message;
        Assert.Equal("L is a change of legal status only: the placement must stay the same (select B or U if it moved too)",
            await Refused(move with { ReasonForNewEpisode = "L", LegalStatus = "C2", ReasonPlacementChanged = null }));
        Assert.Equal("L is a change of legal status: select the new legal status", await Refused(new ChangeDetails { ChangedOn = D(2026, 8, 3), ReasonForNewEpisode = "L" }));
        Assert.Equal("P is a placement move only: the legal status must stay the same (select B or U if it changed too)", await Refused(move with { LegalStatus = "C2" }));
        Assert.Equal("T is a placement move: give the new placement", await Refused(new ChangeDetails { ChangedOn = D(2026, 8, 3), ReasonForNewEpisode = "T", ReasonPlacementChanged = "PLACE" }));
        Assert.Equal("B is a change of both legal status and placement: give the new legal status and the new placement", await Refused(move with { ReasonForNewEpisode = "B" }));
        Assert.Equal("The child is already looked after: select what changed (S starts a period of care)", await Refused(move with { ReasonForNewEpisode = "S" }));
        Assert.Equal("Select why the placement changed", await Refused(move with { ReasonPlacementChanged = null }));
        Assert.Equal("The placement did not change: leave the reason for a placement change blank",
            await Refused(new ChangeDetails { ChangedOn = D(2026, 8, 3), ReasonForNewEpisode = "L", LegalStatus = "C2", ReasonPlacementChanged = "CARPL" }));
        Assert.Equal("The current episode started on 1 June 2026: the change must be after it", await Refused(move with { ChangedOn = D(2026, 6, 1) }));
        Assert.Single(await f.Db.Set<CareEpisode>().ToListAsync(Ct));

        var second = await f.Service.ChangeAsync(f.ChildId, 0, move, f.Worker, Ct);
        var third = await f.Service.ChangeAsync(f.ChildId, await f.CurrentVersionAsync(), new ChangeDetails { ChangedOn = D(2026, 9, 14), ReasonForNewEpisode = "L", LegalStatus = "C2" }, f.Worker, Ct);
        await f.Service.ChangeAsync(f.ChildId, await f.CurrentVersionAsync(),
            new ChangeDetails { ChangedOn = D(2026, 11, 2), ReasonForNewEpisode = "T", PlacementType = "U4", PlacementProvider = "PR1", PlacementPostcode = "BL9 0EJ", ReasonPlacementChanged = "PLACE" }, f.Worker, Ct);

        var episodes = await f.Db.Set<CareEpisode>().AsNoTracking().OrderBy(e => e.StartedOn).ToListAsync(Ct);
        Assert.Equal(
            [("S", "C1", "U6", D(2026, 8, 3), "X1", "CREQB"), ("P", "C1", "K2", D(2026, 9, 14), "X1", null), ("L", "C2", "K2", D(2026, 11, 2), "X1", "PLACE"), ("T", "C2", "U4", default(DateOnly), null, null)],
            episodes.Select(e => (e.ReasonForNewEpisode, e.LegalStatus, e.PlacementType, e.EndedOn ?? default, e.ReasonEpisodeCeased, e.ReasonPlacementChanged)));
        Assert.Equal(("M1 1AE", "PR4", "Ira Reviewing"), (episodes[2].PlacementPostcode, episodes[2].PlacementProvider, episodes[3].IroName));
        Assert.Equal((first.Id, second.Id, third.Id), (episodes[0].Id, episodes[1].Id, episodes[2].Id));

        var view = (await f.Service.ForChildAsync(f.ChildId, f.Worker, Ct))!;
        Assert.Equal((3, true, D(2026, 6, 1)), (view.PlacementsInLast12Months, view.ThreeOrMorePlacements, view.PeriodStartedOn!.Value));
        Assert.Equal(episodes[3].Id, view.Current!.Id);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_change_made_meanwhile_is_refused_and_nothing_is_saved(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        await f.Service.StartAsync(f.ChildId, f.Start(D(2026, 6, 1)), f.Worker, Ct);
        await f.Service.ChangeIroAsync(f.ChildId, 0, f.Worker.UserId, f.Worker, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            f.Service.ChangeAsync(f.ChildId, 0, new ChangeDetails { ChangedOn = D(2026, 8, 3), ReasonForNewEpisode = "L", LegalStatus = "C2" }, f.Worker, Ct));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Service.LeaveCareAsync(f.ChildId, 0, new LeaveDetails(D(2026, 8, 3), "E4A"), f.Worker, Ct));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Service.ChangeIroAsync(f.ChildId, 0, f.Iro.UserId, f.Worker, Ct));
        var only = await f.Db.Set<CareEpisode>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal(("C1", (DateOnly?)null, "Sam Worker", 1), (only.LegalStatus, only.EndedOn, only.IroName, only.Version));

        var review = await f.Service.RecordReviewAsync(f.ChildId, f.Review(D(2026, 6, 20)), f.Worker, Ct);
        await f.Service.ChangeReviewAsync(review.Id, 0, f.Review(D(2026, 6, 22), "PN5"), f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Service.ChangeReviewAsync(review.Id, 0, f.Review(D(2026, 6, 25)), f.Worker, Ct));
        var saved = (await f.Service.GetReviewAsync(review.Id, f.Worker, Ct))!;
        Assert.Equal((D(2026, 6, 22), "PN5", 1), (saved.HeldOn, saved.Participation, saved.Version));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Reviews_are_due_within_20_working_days_then_3_months_then_every_6_months_on_the_IROs_and_the_teams_due_work(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var needEpisode = await f.Journey.OpenAsync();
        await f.Journey.Casework.AllocateAsync(needEpisode, 0, f.Journey.Team.Id, f.Worker.UserId, f.Worker, Ct);
        await f.Service.StartAsync(f.ChildId, f.Start(D(2026, 10, 1)), f.Worker, Ct);
        var source = Assert.Single(f.Journey.Services.Get<IEnumerable<IDueWorkSource>>().OfType<LookedAfterDueWorkSource>());

        // Thursday 1 October + 20 working days = Thursday 29 October: not held, so overdue on the IRO's work (the seed's failure).
        var due = Assert.Single(await source.DueAsync(new DueWorkQuery(WorkerId: f.Iro.UserId), Ct));
        Assert.Equal(("First looked-after review (IRO Ira Reviewing)", D(2026, 10, 29), DeadlineStatus.Overdue, f.Journey.Team.Id, $"/people/{f.ChildId}/looked-after"),
            (due.What, due.Assessment.Deadline.DueDate, due.Assessment.Status, due.TeamId, due.Link));
        Assert.Contains(await source.DueAsync(new DueWorkQuery(TeamId: f.Journey.Team.Id), Ct), i => i.What.StartsWith("First looked-after review", StringComparison.Ordinal));
        Assert.DoesNotContain(await source.DueAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct), i => i.What.Contains("review (IRO", StringComparison.Ordinal));

        await f.Service.RecordReviewAsync(f.ChildId, f.Review(D(2026, 10, 28)), f.Worker, Ct);
        due = Assert.Single(await source.DueAsync(new DueWorkQuery(WorkerId: f.Iro.UserId), Ct));
        Assert.Equal(("Second looked-after review (IRO Ira Reviewing)", D(2027, 1, 28), DeadlineStatus.NotYetDue), (due.What, due.Assessment.Deadline.DueDate, due.Assessment.Status));
        await f.Service.RecordReviewAsync(f.ChildId, f.Review(D(2026, 11, 20)), f.Worker, Ct);
        Assert.Equal(D(2027, 5, 20), Assert.Single(await source.DueAsync(new DueWorkQuery(WorkerId: f.Iro.UserId), Ct)).Assessment.Deadline.DueDate);
        await f.Service.RecordReviewAsync(f.ChildId, f.Review(D(2026, 11, 23)), f.Worker, Ct);
        Assert.Equal(("Looked-after review (IRO Ira Reviewing)", D(2027, 5, 23)),
            Assert.Single(await source.DueAsync(new DueWorkQuery(WorkerId: f.Iro.UserId), Ct)) is var later ? (later.What, later.Assessment.Deadline.DueDate) : default);

        // A late first review is shown late: Tuesday 1 September + 20 working days = Tuesday 29 September.
        var other = await f.Journey.AddChildAsync("Ben", "Smith");
        await f.Service.StartAsync(other, f.Start(D(2026, 9, 1)), f.Worker, Ct);
        await f.Service.RecordReviewAsync(other, f.Review(D(2026, 9, 30)), f.Worker, Ct);
        var view = (await f.Service.ForChildAsync(other, f.Worker, Ct))!;
        var first = Assert.Single(view.Reviews);
        Assert.Equal((1, D(2026, 9, 29), DeadlineStatus.MetLate, 1), (first.Number, first.Timeliness.Deadline.DueDate, first.Timeliness.Status, first.Timeliness.WorkingDaysLate));
        Assert.Equal(("Second looked-after review", D(2026, 12, 30)), (view.NextReview!.What, view.NextReview.Assessment.Deadline.DueDate));

        // Refusals: a review when the child was not looked after, a second on the same day, PN0 for a child of 8.
        Assert.Equal("The child was not looked after on that date", Assert.Single(await RefusedAsync(() => f.Service.RecordReviewAsync(other, f.Review(D(2026, 8, 31)), f.Worker, Ct))).Message);
        Assert.Equal("A review on that date is already recorded", Assert.Single(await RefusedAsync(() => f.Service.RecordReviewAsync(other, f.Review(D(2026, 9, 30)), f.Worker, Ct))).Message);
        Assert.Equal("PN0 is for a child under 4 at the review: select how the child took part",
            Assert.Single(await RefusedAsync(() => f.Service.RecordReviewAsync(other, f.Review(D(2026, 10, 5), "PN0"), f.Worker, Ct))).Message);
        Assert.Equal(["HeldOn", "IroUserId", "Participation"], (await RefusedAsync(() => f.Service.RecordReviewAsync(other, new ReviewDetails(), f.Worker, Ct))).Select(p => p.Field));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Health_assessments_are_due_within_20_working_days_then_6_monthly_under_5_and_yearly_from_5_and_dental_checks_6_monthly(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var needEpisode = await f.Journey.OpenAsync();
        await f.Journey.Casework.AllocateAsync(needEpisode, 0, f.Journey.Team.Id, f.Worker.UserId, f.Worker, Ct);
        await f.Service.StartAsync(f.ChildId, f.Start(D(2026, 10, 1)), f.Worker, Ct);
        var source = Assert.Single(f.Journey.Services.Get<IEnumerable<IDueWorkSource>>().OfType<LookedAfterDueWorkSource>());

        var due = (await source.DueAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct)).OrderBy(i => i.What, StringComparer.Ordinal).ToList();
        Assert.Equal([("Dental check", D(2027, 4, 1), DeadlineStatus.NotYetDue), ("Initial health assessment", D(2026, 10, 29), DeadlineStatus.Overdue)],
            due.Select(i => (i.What, i.Assessment.Deadline.DueDate, i.Assessment.Status)));

        Assert.Equal("The child was not looked after on that date",
            Assert.Single(await RefusedAsync(() => f.Service.RecordHealthCheckAsync(f.ChildId, Fixture.Health(D(2026, 9, 30), HealthCheckKind.DentalCheck), f.Worker, Ct))).Message);
        Assert.Equal(["Kind", "DoneOn", "DoneBy"], (await RefusedAsync(() => f.Service.RecordHealthCheckAsync(f.ChildId, new HealthCheckDetails(), f.Worker, Ct))).Select(p => p.Field));
        await f.Service.RecordHealthCheckAsync(f.ChildId, Fixture.Health(D(2026, 10, 15)), f.Worker, Ct);
        await f.Service.RecordHealthCheckAsync(f.ChildId, Fixture.Health(D(2026, 11, 20), HealthCheckKind.DentalCheck), f.Worker, Ct);
        due = [.. (await source.DueAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct)).OrderBy(i => i.What, StringComparer.Ordinal)];
        Assert.Equal([("Dental check", D(2027, 5, 20)), ("Review health assessment", D(2027, 10, 15))], due.Select(i => (i.What, i.Assessment.Deadline.DueDate)));

        // A child under 5 at their last assessment is reviewed 6-monthly; PN0 is theirs at a review.
        var toddler = (await f.Journey.Services.Get<PersonIndex>().CreateAsync(
            new NewPerson { GivenNames = "Lily", FamilyName = "Young", DateOfBirth = D(2023, 1, 10), Sex = "F", Ethnicity = "WBRI", Disabilities = ["NONE"], CouncilChildId = "YOU4" }, [], f.Worker, Ct)).Id;
        await f.Service.StartAsync(toddler, f.Start(D(2026, 10, 1)), f.Worker, Ct);
        await f.Service.RecordHealthCheckAsync(toddler, Fixture.Health(D(2026, 10, 15)), f.Worker, Ct);
        await f.Service.RecordReviewAsync(toddler, f.Review(D(2026, 10, 20), "PN0"), f.Worker, Ct);
        var view = (await f.Service.ForChildAsync(toddler, f.Worker, Ct))!;
        Assert.Equal(("Review health assessment", D(2027, 4, 15)), (view.NextHealthAssessment!.What, view.NextHealthAssessment.Assessment.Deadline.DueDate));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Leaving_care_ends_the_episode_with_its_reason_takes_the_child_off_due_work_and_a_new_period_restarts_the_clocks(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        await f.Service.StartAsync(f.ChildId, f.Start(D(2026, 6, 1)), f.Worker, Ct);
        var source = Assert.Single(f.Journey.Services.Get<IEnumerable<IDueWorkSource>>().OfType<LookedAfterDueWorkSource>());
        Assert.Equal(3, (await source.DueAsync(new DueWorkQuery(), Ct)).Count);

        async Task<string> Refused(LeaveDetails details) => Assert.Single(await RefusedAsync(() => f.Service.LeaveCareAsync(f.ChildId, 0, details, f.Worker, Ct))).Message;
        Assert.Equal("X1 is for a new episode following on the same day: record a placement move or change of legal status instead", await Refused(new LeaveDetails(D(2026, 9, 1), "X1")));
        Assert.Equal("Select why the child left care", await Refused(new LeaveDetails(D(2026, 9, 1), "E99")));
        Assert.Equal("The current episode started on 1 June 2026: the child cannot leave care before it", await Refused(new LeaveDetails(D(2026, 5, 31), "E4A")));
        await f.Service.LeaveCareAsync(f.ChildId, 0, new LeaveDetails(D(2026, 9, 1), "E4A"), f.Worker, Ct);
        Assert.Empty(await source.DueAsync(new DueWorkQuery(), Ct));
        var ended = await f.Db.Set<CareEpisode>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal(((DateOnly?)D(2026, 9, 1), "E4A"), (ended.EndedOn, ended.ReasonEpisodeCeased));
        Assert.Equal("The child is not looked after: record them becoming looked after first",
            Assert.Single(await RefusedAsync(() => f.Service.LeaveCareAsync(f.ChildId, 1, new LeaveDetails(D(2026, 9, 2), "E4A"), f.Worker, Ct))).Message);

        Assert.Equal("The child's last period of care ended on 1 September 2026: a new one starts after it",
            Assert.Single(await RefusedAsync(() => f.Service.StartAsync(f.ChildId, f.Start(D(2026, 9, 1)), f.Worker, Ct))).Message);
        await f.Service.StartAsync(f.ChildId, f.Start(D(2026, 11, 2)), f.Worker, Ct);
        var review = Assert.Single(await source.DueAsync(new DueWorkQuery(WorkerId: f.Iro.UserId), Ct));
        Assert.Equal(("First looked-after review (IRO Ira Reviewing)", D(2026, 11, 30), DeadlineStatus.NotYetDue), (review.What, review.Assessment.Deadline.DueDate, review.Assessment.Status));

        var chronology = await f.Journey.Services.Get<ChronologyService>().ForPersonAsync(f.ChildId, new ChronologyFilter([ChronologyKinds.LookedAfter]), f.Worker, Ct);
        Assert.Equal(
            ["Became looked after: interim care order, foster placement with other foster carer(s): not long-term or fostering for adoption",
             "Became looked after: interim care order, foster placement with other foster carer(s): not long-term or fostering for adoption",
             "Left care: Returned home to live with parent(s), relative(s) or other person(s) with parental responsibility as part of the care planning process"],
            chronology!.Select(e => e.Title).Order(StringComparer.Ordinal));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Reading_the_record_is_audited_and_a_restricted_child_is_not_shown_to_someone_off_its_access_list(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        await f.Service.StartAsync(f.ChildId, f.Start(D(2026, 10, 1)), f.Worker, Ct);
        await f.Service.ForChildAsync(f.ChildId, f.Worker, Ct);
        var reads = await f.Db.AuditEvents.AsNoTracking().Where(e => e.Kind == AuditEventKind.Access).ToListAsync(Ct);
        Assert.Contains(reads, e => e.Process == "LookedAfter.ViewChild" && e.EntityType == PersonIndex.EntityType && e.EntityId == f.ChildId.ToString());

        var restricted = await f.Journey.AddChildAsync("Zara", "Hidden", restricted: true);
        var stranger = new Actor(Guid.NewGuid(), "Stranger", null);
        Assert.Null(await f.Service.ForChildAsync(restricted, stranger, Ct));
        Assert.Equal("PersonId", Assert.Single(await RefusedAsync(() => f.Service.StartAsync(restricted, f.Start(D(2026, 10, 1)), stranger, Ct))).Field);
    }

    [Fact]
    public void The_code_lists_are_versioned_data_with_display_names()
    {
        var codes = LookedAfterCodes.On(D(2024, 4, 1));
        Assert.Equal("2024-25", codes.Year);
        Assert.Same(codes, LookedAfterCodes.On(D(2026, 11, 23)));
        Assert.Equal(["S", "L", "P", "T", "B", "U"], codes.List(LookedAfterCodes.ReasonForNewEpisode).Select(c => c.Code));
        Assert.Equal(27, codes.List(LookedAfterCodes.PlacementType).Count);
        Assert.Equal(13, codes.List(LookedAfterCodes.LegalStatus).Count);
        Assert.Equal(22, codes.List(LookedAfterCodes.ReasonCeased).Count);
        Assert.Equal("C2: Full care order", codes.Describe(LookedAfterCodes.LegalStatus, "C2"));
        Assert.Equal("Q9", codes.Describe(LookedAfterCodes.LegalStatus, "Q9"));
        Assert.Throws<ArgumentException>(() => codes.List("NOPE"));
    }
}
