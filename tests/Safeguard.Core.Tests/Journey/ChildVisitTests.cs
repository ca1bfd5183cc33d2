using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Chronology;
using Safeguard.Common;
using Safeguard.Journey;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Work;
using static Safeguard.Core.Tests.Journey.JourneyFixture;

namespace Safeguard.Core.Tests.Journey;

/// <summary>Visits to a child: the rules on recording them, the version check, and the child protection visit due every 10 working days.</summary>
public class ChildVisitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static VisitDetails Visit(DateOnly? date, bool? seen = true, bool alone = false, string? by = "Sam Worker") => new(date, seen, alone, by, "Home visit");

    private static async Task<IReadOnlyList<ValidationProblem>> RefusedAsync(Func<Task> act) =>
        (await Assert.ThrowsAsync<SafeguardValidationException>(act)).Problems;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_visit_is_today_or_earlier_and_not_before_the_childs_birth(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var visits = f.Services.Get<ChildVisitService>();

        var future = await RefusedAsync(() => visits.RecordAsync(f.ChildId, Visit(Today.AddDays(1)), f.Worker, Ct));
        Assert.Equal(("VisitDate", "The date of the visit must be today or in the past, not 24 November 2026"), (future[0].Field, future[0].Message));
        var beforeBirth = await RefusedAsync(() => visits.RecordAsync(f.ChildId, Visit(new DateOnly(2018, 3, 13)), f.Worker, Ct));
        Assert.Equal(("VisitDate", "The date of the visit must be on or after the child's date of birth (14 March 2018)"), (beforeBirth[0].Field, beforeBirth[0].Message));
        var notSeenAlone = await RefusedAsync(() => visits.RecordAsync(f.ChildId, Visit(Today, seen: false, alone: true, by: " "), f.Worker, Ct));
        Assert.Equal(["SeenAlone", "VisitedBy"], notSeenAlone.Select(p => p.Field));
        Assert.Empty(await visits.ForChildAsync(f.ChildId, Ct));

        await visits.RecordAsync(f.ChildId, Visit(new DateOnly(2018, 3, 14)), f.Worker, Ct);
        await visits.RecordAsync(f.ChildId, Visit(Today, alone: true), f.Worker, Ct);
        var saved = await visits.ForChildAsync(f.ChildId, Ct);
        Assert.Equal([Today, new DateOnly(2018, 3, 14)], saved.Select(v => v.VisitDate));
        Assert.True(saved[0].SeenAlone);
        Assert.Equal("Sam Worker", saved[0].RecordedByName);
        Assert.Contains(await f.Services.Db.AuditEvents.Where(e => e.EntityType == "ChildVisit").Select(e => e.Process).ToListAsync(Ct), p => p == "Casework.RecordVisit");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_change_made_meanwhile_is_refused_and_one_on_the_current_version_is_saved(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var visits = f.Services.Get<ChildVisitService>();
        var id = await visits.RecordAsync(f.ChildId, Visit(D(11, 20)), f.Worker, Ct);
        await visits.ChangeAsync(id, 0, Visit(D(11, 19), seen: false), f.Worker, Ct);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => visits.ChangeAsync(id, 0, Visit(D(11, 18)), f.Worker, Ct));

        var changed = (await visits.FindAsync(id, f.Worker, Ct))!;
        Assert.Equal((D(11, 19), false, 1), (changed.VisitDate, changed.ChildSeen, changed.Version));
        await visits.ChangeAsync(id, 1, Visit(D(11, 18)), f.Worker, Ct);
        Assert.Equal(D(11, 18), (await visits.FindAsync(id, f.Worker, Ct))!.VisitDate);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_child_on_a_plan_is_due_a_visit_ten_working_days_after_the_last_one_at_which_they_were_seen(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var episodeId = await f.OpenAsync(referral: D(10, 1));
        await f.Casework.AllocateAsync(episodeId, 0, f.Team.Id, f.Worker.UserId, f.Worker, Ct);
        using (f.Services.Db.BeginProcess("Test.Seed", Actor.System()))
        {
            f.Services.Db.Add(new ProtectionPlan { EpisodeId = episodeId, StartDate = D(11, 2), InitialCategory = "NEG", LatestCategory = "NEG" });
            await f.Services.Db.SaveChangesAsync(Ct);
        }

        var source = Assert.Single(f.Services.Get<IEnumerable<IDueWorkSource>>().OfType<ChildVisitDueWork>());
        // Plan from Monday 2 November: the first visit is due 10 working days later, Monday 16 November: overdue.
        var overdue = Assert.Single(await source.DueAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct));
        Assert.Equal(("Child protection visit", D(11, 16), DeadlineStatus.Overdue, $"/people/{f.ChildId}/casework/visits"),
            (overdue.What, overdue.Assessment.Deadline.DueDate, overdue.Assessment.Status, overdue.Link));

        // A visit at which the child was not seen does not count; one at which they were restarts the clock.
        var visits = f.Services.Get<ChildVisitService>();
        await visits.RecordAsync(f.ChildId, Visit(D(11, 19), seen: false), f.Worker, Ct);
        Assert.Equal(D(11, 16), Assert.Single(await source.DueAsync(new DueWorkQuery(TeamId: f.Team.Id), Ct)).Assessment.Deadline.DueDate);
        await visits.RecordAsync(f.ChildId, Visit(D(11, 20)), f.Worker, Ct);
        var next = Assert.Single(await source.DueAsync(new DueWorkQuery(TeamId: f.Team.Id), Ct));
        Assert.Equal((D(12, 4), DeadlineStatus.NotYetDue), (next.Assessment.Deadline.DueDate, next.Assessment.Status));
        Assert.Empty(await source.DueAsync(new DueWorkQuery(WorkerId: Guid.NewGuid()), Ct));

        var chronology = await f.Services.Get<ChronologyService>().ForPersonAsync(f.ChildId, new ChronologyFilter([ChronologyKinds.Visit]), f.Worker, Ct);
        Assert.Equal(["Visit: the child was seen", "Visit: the child was not seen"], chronology!.Select(e => e.Title));
    }
}
