using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.Journey;
using Safeguard.Organisations;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Journey;

/// <summary>
/// The team performance view, hand-worked over Christmas 2026: Friday 25 December, Monday 28 December (Boxing
/// Day's substitute) and Friday 1 January 2027 are bank holidays. Today is Wednesday 6 January 2027; the eight
/// weeks run from Monday 16 November 2026 to the current week of Monday 4 January 2027.
/// </summary>
public class TeamPerformanceTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 6, 10, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static string Weeks(IReadOnlyList<WeekFigure> figures) => string.Join(' ', figures.Select(w => $"{w.Numerator}/{w.Denominator}"));

    private static string Row(WorkerWeeks worker, PracticeMeasure measure) => Weeks(worker.Figures[measure]);

    private static string Row(TeamWeeks team, PracticeMeasure measure) => Weeks(team.Figures[measure]);

    [Fact]
    public void A_week_runs_from_monday_to_sunday()
    {
        Assert.Equal(D(2026, 12, 28), PracticeWeek.Of(D(2027, 1, 3)).Monday);   // Sunday belongs to the week before
        Assert.Equal(D(2027, 1, 4), PracticeWeek.Of(D(2027, 1, 4)).Monday);     // Monday starts a new one
        Assert.Equal(D(2027, 1, 10), PracticeWeek.Of(D(2027, 1, 6)).Sunday);
        Assert.False(PracticeWeek.Of(D(2027, 1, 4)).Contains(D(2027, 1, 3)));
        Assert.Equal(50m, new WeekFigure(1, 2).Percentage);
        Assert.Null(new WeekFigure(0, 0).Percentage);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Weekly_figures_per_team_count_each_measure_in_the_week_it_fell_and_list_the_children_behind(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, new FakeTimeProvider(Now));
        var db = services.Db;
        var agency = new Agency { Name = "Children's services", Code = "CSC", Type = AgencyType.ChildrensSocialCare };
        var one = new Team { Name = "Child protection team", AgencyId = agency.Id };
        var two = new Team { Name = "Disabled children's team", AgencyId = agency.Id };
        var worker = new User { DisplayName = "Sam Worker", UserName = "sam.worker", AgencyId = agency.Id, TeamId = one.Id, CreatedAt = Now };
        var other = new User { DisplayName = "Priya Worker", UserName = "priya.worker", AgencyId = agency.Id, TeamId = one.Id, CreatedAt = Now };
        var records = new List<object> { agency, one, two, worker, other };
        NeedEpisode Child(string name, Team team, bool restricted = false, DateOnly? closed = null, User? allocated = null)
        {
            var person = new Person { Kind = PersonKind.Child, DisplayName = name, Sex = "F", DateOfBirth = D(2015, 1, 1), CreatedAt = Now.AddYears(-1), IsRestricted = restricted };
            var episode = new NeedEpisode { PersonId = person.Id, ReferralDate = D(2026, 9, 1), ReferralSource = "1A", PrimaryNeedCode = "N1", ClosureDate = closed, ReasonForClosure = closed is null ? null : "RC8", CreatedAt = Now.AddYears(-1) };
            episode.Allocations.Add(new CaseAllocation { EpisodeId = episode.Id, PersonId = person.Id, TeamId = team.Id, WorkerId = allocated?.Id, From = Now.AddMonths(-4), AllocatedByName = "Tariq Manager" });
            records.Add(person);
            records.Add(episode);
            return episode;
        }

        // Child 1 (allocated to Sam): plan from Monday 14 December; the first visit was due 10 working days later, Wednesday 30
        // December (counting past both Christmas bank holidays), and was made on Tuesday 29th: on time, in the
        // bank holiday week. The next is due Wednesday 13 January: not yet counted. An assessment (referred 2
        // November: due 7 January) authorised on Sunday 3 January counts in the week of 28 December, on time.
        var c1 = Child("Child One", one, allocated: worker);
        c1.ProtectionPlans.Add(new ProtectionPlan { EpisodeId = c1.Id, StartDate = D(2026, 12, 14), InitialCategory = "NEG", LatestCategory = "NEG" });
        records.Add(new ChildVisit { PersonId = c1.PersonId, VisitDate = D(2026, 12, 29), ChildSeen = true, VisitedBy = "Sam Worker", RecordedByName = "Sam Worker", RecordedAt = Now.AddDays(-8) });
        var r1 = new NeedEpisode { PersonId = c1.PersonId, ReferralDate = D(2026, 11, 2), ReferralSource = "1A", PrimaryNeedCode = "N1", ClosureDate = D(2027, 1, 3), ReasonForClosure = "RC8", CreatedAt = Now.AddMonths(-2) };
        r1.Assessments.Add(new CaseAssessment { EpisodeId = r1.Id, StartDate = D(2026, 11, 3), AuthorisationDate = D(2027, 1, 3), Factors = "1C" });
        records.Add(r1);

        // Child 2 (restricted, allocated to Priya): initial conference held on its target day, Monday 30 November, and a plan from
        // then with no visit: the visit due Monday 14 December was missed. An assessment (referred 20 October:
        // due 22 December) authorised on Monday 4 January counts in the current week, late.
        var c2 = Child("Child Two", one, restricted: true, allocated: other);
        var strategy = new StrategyDiscussion { EpisodeId = c2.Id, Date = D(2026, 11, 9), Outcome = StrategyOutcome.Section47 };
        c2.StrategyDiscussions.Add(strategy);
        c2.Enquiries.Add(new S47Enquiry { EpisodeId = c2.Id, StrategyDiscussionId = strategy.Id, StartDate = D(2026, 11, 9), IcpcTargetDate = D(2026, 11, 30), ConferenceDate = D(2026, 11, 30), ConferenceOutcome = ConferenceOutcome.Plan });
        c2.ProtectionPlans.Add(new ProtectionPlan { EpisodeId = c2.Id, StartDate = D(2026, 11, 30), InitialCategory = "EMO", LatestCategory = "EMO" });
        var r2 = new NeedEpisode { PersonId = c2.PersonId, ReferralDate = D(2026, 10, 20), ReferralSource = "1A", PrimaryNeedCode = "N1", ClosureDate = D(2027, 1, 4), ReasonForClosure = "RC8", CreatedAt = Now.AddMonths(-3) };
        r2.Assessments.Add(new CaseAssessment { EpisodeId = r2.Id, StartDate = D(2026, 10, 21), AuthorisationDate = D(2027, 1, 4), Factors = "1C" });
        records.Add(r2);

        // Child 3 (closed, still allocated to the team but to no worker): a plan from 1 September whose first review was due 1 December and held on the 2nd: late.
        var c3 = Child("Child Three", one, closed: D(2026, 12, 3));
        var plan3 = new ProtectionPlan { EpisodeId = c3.Id, StartDate = D(2026, 9, 1), EndDate = D(2026, 12, 3), InitialCategory = "NEG", LatestCategory = "NEG" };
        plan3.Reviews.Add(new ReviewConference { PlanId = plan3.Id, Date = D(2026, 12, 2) });
        c3.ProtectionPlans.Add(plan3);

        // Child 4, the other team: an assessment authorised on time on 4 January.
        var c4 = Child("Child Four", two);
        var r4 = new NeedEpisode { PersonId = c4.PersonId, ReferralDate = D(2026, 11, 2), ReferralSource = "1A", PrimaryNeedCode = "N1", ClosureDate = D(2027, 1, 4), ReasonForClosure = "RC8", CreatedAt = Now.AddMonths(-2) };
        r4.Assessments.Add(new CaseAssessment { EpisodeId = r4.Id, StartDate = D(2026, 11, 3), AuthorisationDate = D(2027, 1, 4), Factors = "1C" });
        records.Add(r4);
        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.AddRange(records);
            await db.SaveChangesAsync(Ct);
        }

        var result = await services.Get<TeamPerformance>().ComputeAsync(8, null, Actor.System(), cancellationToken: Ct);

        Assert.Equal(D(2026, 11, 16), result.Weeks[0].Monday);
        Assert.Equal(D(2027, 1, 4), result.Weeks[7].Monday);
        Assert.Equal(["Child protection team", "Disabled children's team"], result.Teams.Select(t => t.TeamName));
        var cp = result.Teams[0];
        //                                                     16/11 23/11 30/11 7/12 14/12 21/12 28/12 4/1
        Assert.Equal("0/0 0/0 0/0 0/0 0/1 0/0 1/1 0/0", Row(cp, PracticeMeasure.CpVisits));
        Assert.Equal("0/0 0/0 0/0 0/0 0/0 0/0 1/1 0/1", Row(cp, PracticeMeasure.Assessments));
        Assert.Equal("0/0 0/0 1/1 0/0 0/0 0/0 0/0 0/0", Row(cp, PracticeMeasure.InitialConferences));
        Assert.Equal("0/0 0/0 0/1 0/0 0/0 0/0 0/0 0/0", Row(cp, PracticeMeasure.ReviewConferences));
        Assert.Equal("0/0 0/0 0/0 0/0 0/0 0/0 0/0 1/1", Row(result.Teams[1], PracticeMeasure.Assessments));

        // Behind today: child 2's missed visit (14 December, 13 working days ago counting the three bank holidays out), shown restricted.
        var behind = Assert.Single(result.Children);
        Assert.Equal(("Restricted record", "Child protection team", "Priya Worker"), (behind.ChildName, behind.TeamName, behind.WorkerName));
        Assert.Empty(result.Workers); // every team: no split by worker
        Assert.Equal(("Child protection visit", D(2026, 12, 14)), (behind.Behind.Single().What, behind.Behind.Single().DueDate));

        // One team, split by worker with the same events: Sam has child 1's visit and assessment, Priya child 2's
        // missed visit, late assessment and initial conference, and child 3's late review is the team's with no worker.
        var byWorker = await services.Get<TeamPerformance>().ComputeAsync(8, one.Id, Actor.System(), cancellationToken: Ct);
        Assert.Equal(["Child protection team"], byWorker.Teams.Select(t => t.TeamName));
        Assert.Equal(["Priya Worker", "Sam Worker", TeamPerformance.NoWorker], byWorker.Workers.Select(w => w.WorkerName));
        Assert.Equal([other.Id, worker.Id, (Guid?)null], byWorker.Workers.Select(w => w.WorkerId));
        var (priya, sam, none) = (byWorker.Workers[0], byWorker.Workers[1], byWorker.Workers[2]);
        //                                                      16/11 23/11 30/11 7/12 14/12 21/12 28/12 4/1
        Assert.Equal("0/0 0/0 0/0 0/0 0/0 0/0 1/1 0/0", Row(sam, PracticeMeasure.CpVisits));
        Assert.Equal("0/0 0/0 0/0 0/0 0/0 0/0 1/1 0/0", Row(sam, PracticeMeasure.Assessments));
        Assert.Equal("0/0 0/0 0/0 0/0 0/0 0/0 0/0 0/0", Row(sam, PracticeMeasure.InitialConferences));
        Assert.Equal("0/0 0/0 0/0 0/0 0/0 0/0 0/0 0/0", Row(sam, PracticeMeasure.ReviewConferences));
        Assert.Equal("0/0 0/0 0/0 0/0 0/1 0/0 0/0 0/0", Row(priya, PracticeMeasure.CpVisits));
        Assert.Equal("0/0 0/0 0/0 0/0 0/0 0/0 0/0 0/1", Row(priya, PracticeMeasure.Assessments));
        Assert.Equal("0/0 0/0 1/1 0/0 0/0 0/0 0/0 0/0", Row(priya, PracticeMeasure.InitialConferences));
        Assert.Equal("0/0 0/0 0/0 0/0 0/0 0/0 0/0 0/0", Row(priya, PracticeMeasure.ReviewConferences));
        Assert.Equal("0/0 0/0 0/1 0/0 0/0 0/0 0/0 0/0", Row(none, PracticeMeasure.ReviewConferences));
        Assert.All(Enum.GetValues<PracticeMeasure>().Where(m => m != PracticeMeasure.ReviewConferences), m => Assert.Equal("0/0 0/0 0/0 0/0 0/0 0/0 0/0 0/0", Row(none, m)));
        // Together the workers make the team's figures.
        Assert.All(Enum.GetValues<PracticeMeasure>(), m => Assert.Equal(
            Row(byWorker.Teams[0], m),
            string.Join(' ', Enumerable.Range(0, 8).Select(w => $"{byWorker.Workers.Sum(x => x.Figures[m][w].Numerator)}/{byWorker.Workers.Sum(x => x.Figures[m][w].Denominator)}"))));

        // The other team: its one child has no worker.
        var filtered = await services.Get<TeamPerformance>().ComputeAsync(8, two.Id, Actor.System(), cancellationToken: Ct);
        Assert.Equal(["Disabled children's team"], filtered.Teams.Select(t => t.TeamName));
        Assert.Equal("0/0 0/0 0/0 0/0 0/0 0/0 0/0 1/1", Row(Assert.Single(filtered.Workers), PracticeMeasure.Assessments));
        Assert.Empty(filtered.Children);

        // The figures are kept while the records are unchanged; a visit to child 2 is counted at the next reading.
        var again = await services.Get<TeamPerformance>().ComputeAsync(8, null, Actor.System(), cancellationToken: Ct);
        Assert.Same(result.Teams, again.Teams);
        Assert.Single(again.Children);
        using (db.BeginProcess("Test.Visit", Actor.System()))
        {
            db.Add(new ChildVisit { PersonId = c2.PersonId, VisitDate = D(2027, 1, 5), ChildSeen = true, VisitedBy = "Priya Worker", RecordedByName = "Priya Worker", RecordedAt = Now });
            await db.SaveChangesAsync(Ct);
        }

        var after = await services.Get<TeamPerformance>().ComputeAsync(8, null, Actor.System(), cancellationToken: Ct);
        Assert.NotSame(result.Teams, after.Teams);
        Assert.Empty(after.Children);
    }
    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_children_behind_are_paged_and_only_the_children_a_page_names_are_audited_as_read(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, new FakeTimeProvider(Now));
        var db = services.Db;
        var agency = new Agency { Name = "Children's services", Code = "CSC", Type = AgencyType.ChildrensSocialCare };
        var team = new Team { Name = "Child protection team", AgencyId = agency.Id };
        var records = new List<object> { agency, team };

        // Three children on plans from Monday 30 November with no visit: each missed the visit due Monday 14 December.
        foreach (var name in new[] { "Ada Behind", "Bea Behind", "Cal Behind" })
        {
            var person = new Person { Kind = PersonKind.Child, DisplayName = name, Sex = "F", DateOfBirth = D(2015, 1, 1), CreatedAt = Now.AddYears(-1) };
            var episode = new NeedEpisode { PersonId = person.Id, ReferralDate = D(2026, 9, 1), ReferralSource = "1A", PrimaryNeedCode = "N1", CreatedAt = Now.AddYears(-1) };
            episode.Allocations.Add(new CaseAllocation { EpisodeId = episode.Id, PersonId = person.Id, TeamId = team.Id, From = Now.AddMonths(-4), AllocatedByName = "Tariq Manager" });
            episode.ProtectionPlans.Add(new ProtectionPlan { EpisodeId = episode.Id, StartDate = D(2026, 11, 30), InitialCategory = "NEG", LatestCategory = "NEG" });
            records.Add(person);
            records.Add(episode);
        }

        using (db.BeginProcess("Test.Seed", Actor.System()))
        {
            db.AddRange(records);
            await db.SaveChangesAsync(Ct);
        }

        var performance = services.Get<TeamPerformance>();
        var first = await performance.ComputeAsync(8, null, Actor.System(), page: 1, pageSize: 2, cancellationToken: Ct);
        Assert.Equal((3, 1, 2), (first.Behind.Total, first.Behind.Page, first.Behind.Pages));
        Assert.Equal(["Ada Behind", "Bea Behind"], first.Children.Select(c => c.ChildName));
        var second = await performance.ComputeAsync(8, null, Actor.System(), page: 2, pageSize: 2, cancellationToken: Ct);
        Assert.Equal(["Cal Behind"], second.Children.Select(c => c.ChildName));

        // Each view is audited, with a read of each child it named and of no other.
        var reads = await db.AuditEvents.AsNoTracking().Where(e => e.Process == "Casework.TeamPerformance").OrderBy(e => e.Sequence).ToListAsync(Ct);
        Assert.Equal(
            ["TeamPerformance", .. first.Children.Select(c => c.PersonId.ToString()), "TeamPerformance", .. second.Children.Select(c => c.PersonId.ToString())],
            reads.Select(e => e.EntityType == PersonIndex.EntityType ? e.EntityId : e.EntityType));
        Assert.Contains("children behind=3; page=2", reads[^2].After, StringComparison.Ordinal);
    }
}
