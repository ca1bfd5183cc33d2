using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Chronology;
using Safeguard.Common;
using Safeguard.Core.Tests.Journey;
using Safeguard.Identity;
using Safeguard.LookedAfter;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Core.Tests.LookedAfter;

/// <summary>
/// Care leavers on both databases: pathway plans on the personal adviser's and team's due work, the adviser and adult
/// services flag with versions, the OC3 birthday information, the tracker, chronology and audit. Today is Monday
/// 23 November 2026; the young person was born on 10 May 2009 (17) and has been looked after since 8 January 2024.
/// </summary>
public class CareLeaverTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static async Task<IReadOnlyList<ValidationProblem>> RefusedAsync(Func<Task> act) =>
        (await Assert.ThrowsAsync<SafeguardValidationException>(act)).Problems;

    internal sealed class Fixture(JourneyFixture journey, Actor adviser) : IAsyncDisposable
    {
        public JourneyFixture Journey { get; } = journey;

        public Actor Adviser { get; } = adviser;

        public CareLeaverService Service => Journey.Services.Get<CareLeaverService>();

        public LookedAfterService LookedAfter => Journey.Services.Get<LookedAfterService>();

        public SafeguardDbContext Db => Journey.Services.Db;

        public Guid ChildId => Journey.ChildId;

        public Actor Worker => Journey.Worker;

        public static async Task<Fixture> CreateAsync(DatabaseProvider provider, DateOnly? lookedAfterFrom = null)
        {
            var journey = await JourneyFixture.CreateAsync(provider);
            var db = journey.Services.Db;
            var agencyId = journey.Worker.AgencyId!.Value;
            var user = new User { DisplayName = "Pat Adviser", UserName = "pat.adviser", AgencyId = agencyId, CreatedAt = JourneyFixture.Now };
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.Add(user);
                var child = await db.People.SingleAsync(p => p.Id == journey.ChildId, Ct);
                child.DateOfBirth = D(2009, 5, 10);
                await db.SaveChangesAsync(Ct);
            }

            db.ChangeTracker.Clear();
            var f = new Fixture(journey, new Actor(user.Id, user.DisplayName, agencyId));
            await f.LookedAfter.StartAsync(f.ChildId, new StartDetails
            {
                StartedOn = lookedAfterFrom ?? D(2024, 1, 8),
                LegalStatus = "C2",
                CategoryOfNeed = "N1",
                PlacementType = "U4",
                PlacementProvider = "PR1",
                PlacementPostcode = "BL9 0EJ",
                IroUserId = user.Id,
            }, journey.Worker, Ct);
            return f;
        }

        public async Task<int> EpisodeVersionAsync() =>
            await Db.Set<CareEpisode>().AsNoTracking().Where(e => e.PersonId == ChildId && e.EndedOn == null).Select(e => e.Version).SingleAsync(Ct);

        public ValueTask DisposeAsync() => Journey.DisposeAsync();
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_eligible_young_persons_first_pathway_plan_is_due_3_months_after_eligibility_then_reviews_every_6_months_on_the_advisers_and_teams_due_work(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var need = await f.Journey.OpenAsync();
        await f.Journey.Casework.AllocateAsync(need, 0, f.Journey.Team.Id, f.Worker.UserId, f.Worker, Ct);
        var source = Assert.Single(f.Journey.Services.Get<IEnumerable<IDueWorkSource>>().OfType<CareLeaverDueWorkSource>());

        var view = (await f.Service.ForChildAsync(f.ChildId, f.Worker, Ct))!;
        Assert.Equal((LeavingCareStatus.Eligible, (DateOnly?)D(2025, 5, 10)), (view.Assessment.Status, view.Assessment.EligibleFrom));

        // Eligible on the 16th birthday, 10 May 2025: the first plan was due by 10 August 2025, on the allocated worker's work until a PA is named.
        var due = Assert.Single(await source.DueAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct));
        Assert.Equal(("Pathway plan", D(2025, 8, 10), DeadlineStatus.Overdue, f.Journey.Team.Id, $"/people/{f.ChildId}/looked-after/care-leaver"),
            (due.What, due.Assessment.Deadline.DueDate, due.Assessment.Status, due.TeamId, due.Link));

        await f.Service.SetAdviserAsync(f.ChildId, null, new AdviserDetails { PersonalAdviserUserId = f.Adviser.UserId, NeedsAdultServices = true, AdultServicesNote = "Learning disability: refer to the transitions team" }, f.Worker, Ct);
        await f.Service.RecordPlanAsync(f.ChildId, new PathwayPlanDetails { AgreedOn = D(2026, 9, 1), Summary = "Stay in placement; college in September." }, f.Worker, Ct);
        Assert.Empty(await source.DueAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct));
        due = Assert.Single(await source.DueAsync(new DueWorkQuery(WorkerId: f.Adviser.UserId), Ct));
        Assert.Equal(("Pathway plan review (PA Pat Adviser)", D(2027, 3, 1), DeadlineStatus.NotYetDue), (due.What, due.Assessment.Deadline.DueDate, due.Assessment.Status));
        Assert.Single(await source.DueAsync(new DueWorkQuery(TeamId: f.Journey.Team.Id), Ct));

        await f.Service.RecordPlanAsync(f.ChildId, new PathwayPlanDetails { AgreedOn = D(2026, 11, 20), IsReview = true }, f.Worker, Ct);
        view = (await f.Service.ForChildAsync(f.ChildId, f.Worker, Ct))!;
        Assert.Equal(("Pathway plan review", D(2027, 5, 20)), (view.NextPlan!.What, view.NextPlan.Assessment.Deadline.DueDate));
        Assert.Equal(["Pathway plan reviewed", "Pathway plan agreed"], view.Plans.Select(p => p.IsReview ? "Pathway plan reviewed" : "Pathway plan agreed"));
        Assert.Equal(("Pat Adviser", (bool?)true), (view.Record!.PersonalAdviserName, view.Record.NeedsAdultServices));

        var chronology = await f.Journey.Services.Get<ChronologyService>().ForPersonAsync(f.ChildId, new ChronologyFilter([ChronologyKinds.LookedAfter]), f.Worker, Ct);
        Assert.Contains(chronology!, e => e.Title == "Pathway plan agreed" && e.Detail == "Stay in placement; college in September.");
        Assert.Contains("CareLeavers.RecordPathwayPlan", await f.Db.AuditEvents.Where(e => e.EntityType == nameof(PathwayPlan)).Select(e => e.Process).ToListAsync(Ct));
        Assert.Contains(await f.Db.AuditEvents.AsNoTracking().Where(e => e.Kind == AuditEventKind.Access).ToListAsync(Ct),
            e => e.Process == "CareLeavers.ViewChild" && e.EntityId == f.ChildId.ToString());
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Plans_are_checked_and_the_adviser_record_carries_its_version(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        Assert.Equal(["AgreedOn"], (await RefusedAsync(() => f.Service.RecordPlanAsync(f.ChildId, new PathwayPlanDetails(), f.Worker, Ct))).Select(p => p.Field));
        Assert.Equal("A pathway plan is made from 16 (the assessment starts at 15 and 9 months at the earliest)",
            Assert.Single(await RefusedAsync(() => f.Service.RecordPlanAsync(f.ChildId, new PathwayPlanDetails { AgreedOn = D(2025, 1, 1) }, f.Worker, Ct))).Message);
        Assert.Equal("There is no earlier pathway plan to review: record the plan first",
            Assert.Single(await RefusedAsync(() => f.Service.RecordPlanAsync(f.ChildId, new PathwayPlanDetails { AgreedOn = D(2026, 1, 1), IsReview = true }, f.Worker, Ct))).Message);
        Assert.Equal("Select a personal adviser from children's social care",
            Assert.Single(await RefusedAsync(() => f.Service.SetAdviserAsync(f.ChildId, null, new AdviserDetails { PersonalAdviserUserId = Guid.NewGuid() }, f.Worker, Ct))).Message);
        Assert.Empty(await f.Db.Set<PathwayPlan>().ToListAsync(Ct));

        await f.Service.SetAdviserAsync(f.ChildId, null, new AdviserDetails { PersonalAdviserUserId = f.Adviser.UserId }, f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Service.SetAdviserAsync(f.ChildId, null, new AdviserDetails(), f.Worker, Ct));
        await f.Service.SetAdviserAsync(f.ChildId, 0, new AdviserDetails { PersonalAdviserUserId = f.Adviser.UserId, NeedsAdultServices = false }, f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Service.SetAdviserAsync(f.ChildId, 0, new AdviserDetails(), f.Worker, Ct));
        var record = await f.Db.Set<CareLeaver>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal((1, (bool?)false, "Pat Adviser"), (record.Version, record.NeedsAdultServices, record.PersonalAdviserName));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_OC3_information_at_a_birthday_is_checked_against_the_903_rules_and_changed_with_its_version(DatabaseProvider provider)
    {
        // Looked after from 8 January 2024 until 1 March 2026 (before the 17th birthday, 10 May 2026): relevant.
        await using var f = await Fixture.CreateAsync(provider);
        await f.LookedAfter.LeaveCareAsync(f.ChildId, await f.EpisodeVersionAsync(), new LeaveDetails(D(2026, 3, 1), "E5"), f.Worker, Ct);
        var good = new CareLeaverContactDetails { Birthday = 17, ContactedOn = D(2026, 5, 12), InTouch = "YES", Activity = "F2", Accommodation = "D1" };

        Assert.Equal(["Birthday", "ContactedOn", "InTouch", "Activity", "Accommodation"],
            (await RefusedAsync(() => f.Service.RecordContactAsync(f.ChildId, null, new CareLeaverContactDetails(), f.Worker, Ct))).Select(p => p.Field));
        Assert.Equal("The information is obtained from 3 months before the birthday (10 May 2026) to 1 month after",
            Assert.Single(await RefusedAsync(() => f.Service.RecordContactAsync(f.ChildId, null, good with { ContactedOn = D(2026, 6, 11) }, f.Worker, Ct))).Message);
        Assert.Equal("The council is in touch: select the young person's accommodation, not 0 (SSDA903 rule 345)",
            Assert.Single(await RefusedAsync(() => f.Service.RecordContactAsync(f.ChildId, null, good with { Accommodation = "0" }, f.Worker, Ct))).Message);
        Assert.Equal("At the 17th birthday the accommodation cannot be with former foster carers (SSDA903 rule 3001)",
            Assert.Single(await RefusedAsync(() => f.Service.RecordContactAsync(f.ChildId, null, good with { Accommodation = "Z1" }, f.Worker, Ct))).Message);
        Assert.Equal("The council is not in touch: the activity is 0, not known",
            Assert.Single(await RefusedAsync(() => f.Service.RecordContactAsync(f.ChildId, null, good with { InTouch = "REFU", Accommodation = null }, f.Worker, Ct))).Message);
        Assert.Equal("Select the young person's activity",
            Assert.Single(await RefusedAsync(() => f.Service.RecordContactAsync(f.ChildId, null, good with { Activity = "F3" }, f.Worker, Ct))).Message);

        await f.Service.RecordContactAsync(f.ChildId, null, good, f.Worker, Ct);
        Assert.Equal("The 17th birthday's information is already recorded: change it instead",
            Assert.Single(await RefusedAsync(() => f.Service.RecordContactAsync(f.ChildId, null, good, f.Worker, Ct))).Message);
        await f.Service.RecordContactAsync(f.ChildId, 0, good with { InTouch = "NO", Activity = null, Accommodation = null }, f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Service.RecordContactAsync(f.ChildId, 0, good, f.Worker, Ct));
        var saved = await f.Db.Set<CareLeaverContact>().AsNoTracking().SingleAsync(Ct);
        Assert.Equal(("NO", "0", "0", 1), (saved.InTouch, saved.Activity, saved.Accommodation, saved.Version));
        var view = (await f.Service.ForChildAsync(f.ChildId, f.Worker, Ct))!;
        Assert.Equal((LeavingCareStatus.Relevant, "NO"), (view.Assessment.Status, view.LatestContact!.InTouch));
        Assert.Equal([17, 18, 19, 20, 21], view.Birthdays.Select(b => b.Age));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Information_is_not_recorded_for_a_birthday_the_young_person_was_still_looked_after(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        Assert.Equal("The young person was looked after on their 17th birthday: there is no care leaver information to record (SSDA903 rule 1007)",
            Assert.Single(await RefusedAsync(() => f.Service.RecordContactAsync(f.ChildId, null,
                new CareLeaverContactDetails { Birthday = 17, ContactedOn = D(2026, 5, 12), InTouch = "YES", Activity = "F2", Accommodation = "D1" }, f.Worker, Ct))).Message);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_tracker_lists_care_leavers_filtered_by_status_adviser_due_plan_and_adult_services_and_hides_restricted_young_people(DatabaseProvider provider)
    {
        await using var f = await Fixture.CreateAsync(provider);
        var tracker = f.Journey.Services.Get<CareLeaverTracker>();
        var restricted = await f.Journey.AddChildAsync("Zara", "Hidden", restricted: true);
        using (f.Db.BeginProcess("Test.Seed", Actor.System()))
        {
            (await f.Db.People.SingleAsync(p => p.Id == restricted, Ct)).DateOfBirth = D(2008, 1, 1);
            await f.Db.SaveChangesAsync(Ct);
        }

        f.Db.ChangeTracker.Clear();
        await f.LookedAfter.StartAsync(restricted, new StartDetails
        {
            StartedOn = D(2023, 1, 2),
            LegalStatus = "V2",
            CategoryOfNeed = "N1",
            PlacementType = "K2",
            PlacementProvider = "PR4",
            PlacementPostcode = "M1 1AE",
            IroUserId = f.Adviser.UserId,
        }, f.Worker, Ct);
        await f.LookedAfter.LeaveCareAsync(restricted, 0, new LeaveDetails(D(2026, 1, 1), "E17"), f.Worker, Ct);

        var all = await tracker.ListAsync(new CareLeaverTrackerQuery(), f.Worker, Ct);
        Assert.Equal([(f.ChildId, LeavingCareStatus.Eligible), (restricted, LeavingCareStatus.FormerRelevant)], all.Rows.Select(r => (r.PersonId, r.Status)).Order());
        var stranger = new Actor(Guid.NewGuid(), "Stranger", null);
        Assert.Equal([f.ChildId], (await tracker.ListAsync(new CareLeaverTrackerQuery(), stranger, Ct)).Rows.Select(r => r.PersonId));

        await f.Service.SetAdviserAsync(f.ChildId, null, new AdviserDetails { PersonalAdviserUserId = f.Adviser.UserId, NeedsAdultServices = false }, f.Worker, Ct);
        Assert.Equal([restricted], (await tracker.ListAsync(new CareLeaverTrackerQuery { Status = LeavingCareStatus.FormerRelevant }, f.Worker, Ct)).Rows.Select(r => r.PersonId));
        Assert.Equal([f.ChildId], (await tracker.ListAsync(new CareLeaverTrackerQuery { PersonalAdviserUserId = f.Adviser.UserId }, f.Worker, Ct)).Rows.Select(r => r.PersonId));
        Assert.Equal([restricted], (await tracker.ListAsync(new CareLeaverTrackerQuery { AdultServicesOnly = true }, f.Worker, Ct)).Rows.Select(r => r.PersonId));
        Assert.Equal(2, (await tracker.ListAsync(new CareLeaverTrackerQuery { PlanDueOnly = true }, f.Worker, Ct)).Total);
        await f.Service.RecordPlanAsync(f.ChildId, new PathwayPlanDetails { AgreedOn = D(2026, 11, 1) }, f.Worker, Ct);
        Assert.Equal([restricted], (await tracker.ListAsync(new CareLeaverTrackerQuery { PlanDueOnly = true }, f.Worker, Ct)).Rows.Select(r => r.PersonId));

        var paged = await tracker.ListAsync(new CareLeaverTrackerQuery { PageSize = 1, Page = 2 }, f.Worker, Ct);
        Assert.Equal((2, 2, 1), (paged.Total, paged.Pages, paged.Rows.Count));
        Assert.Contains(await f.Db.AuditEvents.AsNoTracking().Where(e => e.Kind == AuditEventKind.Access).ToListAsync(Ct), e => e.Process == "CareLeavers.Tracker");
    }
}
