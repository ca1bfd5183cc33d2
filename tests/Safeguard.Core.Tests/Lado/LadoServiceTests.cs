using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Lado;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Work;
using static Safeguard.Core.Tests.Lado.LadoFixture;

namespace Safeguard.Core.Tests.Lado;

/// <summary>Allegations referred to the LADO: the rules, who may read and change them, the timescales and due work, versions, and the front door's referrals.</summary>
public class LadoServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static async Task<IReadOnlyList<ValidationProblem>> RefusedAsync(Func<Task> act) =>
        (await Assert.ThrowsAsync<SafeguardValidationException>(act)).Problems;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_referral_is_checked_field_by_field_and_nothing_is_saved_when_refused(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);

        var empty = await RefusedAsync(() => f.Lado.RecordAsync(new AllegationDetails(), f.Officer, Ct));
        Assert.Equal(["WorkerName", "EmployerName", "WorkerRole", "Sector", "ChildIds", "ReferredOn", "ReferrerName", "Category", "Allegation"], empty.Select(p => p.Field));

        var future = await RefusedAsync(() => f.Lado.RecordAsync(f.Referral(D(11, 24)), f.Officer, Ct));
        Assert.Equal(("ReferredOn", "The date of the referral must be today or in the past"), (future[0].Field, future[0].Message));

        var adult = await RefusedAsync(() => f.Lado.RecordAsync(f.Referral(D(11, 20)) with { ChildIds = [Guid.NewGuid()] }, f.Officer, Ct));
        Assert.Equal("ChildIds", Assert.Single(adult).Field);
        Assert.Empty(await f.Db.Set<LadoAllegation>().ToListAsync(Ct));

        var recorded = await f.Lado.RecordAsync(f.Referral(D(11, 20)) with { EmployerAgencyId = null, EmployerName = "Little Acorns Nursery", Sector = LadoSector.EarlyYears }, f.Officer, Ct);
        var saved = await f.Db.Set<LadoAllegation>().AsNoTracking().Include(a => a.Children).SingleAsync(Ct);
        Assert.Equal(("Jo Bloggs", "Little Acorns Nursery", LadoSector.EarlyYears, "Lou Lado", f.Officer.UserId, f.ChildId),
            (saved.WorkerName, saved.EmployerName, saved.Sector, saved.OwnerName, saved.OwnerUserId, Assert.Single(saved.Children).PersonId));
        Assert.Contains(await f.Db.AuditEvents.Where(e => e.EntityType == "LadoAllegation" && e.EntityId == recorded.Id.ToString()).Select(e => e.Process).ToListAsync(Ct),
            p => p == "Lado.RecordAllegation");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Only_the_designated_officer_reads_or_changes_an_allegation_and_every_read_is_audited(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var allegation = await f.RecordAsync(D(11, 20));

        // A social worker who may see the child may not see the allegation about the worker, nor record one.
        await Assert.ThrowsAsync<LadoAccessRefusedException>(() => f.Lado.GetAsync(allegation.Id, f.Worker, Ct));
        await Assert.ThrowsAsync<LadoAccessRefusedException>(() => f.Lado.ListAsync(new AllegationFilter(), f.Worker, Ct));
        await Assert.ThrowsAsync<LadoAccessRefusedException>(() => f.Lado.RecordAsync(f.Referral(D(11, 20)), f.Worker, Ct));
        await Assert.ThrowsAsync<LadoAccessRefusedException>(() => f.Lado.RecordDecisionAsync(allegation.Id, 0, new(D(11, 23), LadoDecision.AdviceOnly, "Advice"), f.Worker, Ct));
        await Assert.ThrowsAsync<LadoAccessRefusedException>(() => f.Lado.FiguresAsync(2026, f.Worker, Ct));
        await Assert.ThrowsAsync<LadoAccessRefusedException>(() => f.Lado.WaitingReferralsAsync(f.Worker, Ct));

        // The business unit sees the annual figures (aggregates), never an allegation.
        await Assert.ThrowsAsync<LadoAccessRefusedException>(() => f.Lado.GetAsync(allegation.Id, f.BusinessUnit, Ct));
        Assert.Equal(1, (await f.Lado.FiguresAsync(2026, f.BusinessUnit, Ct)).Referrals);

        var view = await f.Lado.GetAsync(allegation.Id, f.Officer, Ct);
        Assert.Equal("Amira Khan", Assert.Single(view!.Children).Name);
        Assert.Equal("Bury Grammar", view.Employer);
        var reads = await f.Db.AuditEvents.AsNoTracking().Where(e => e.Process == "Lado.ViewAllegation").Select(e => new { e.EntityType, e.EntityId, e.ActorUserId }).ToListAsync(Ct);
        Assert.Contains(reads, r => r.EntityType == "LadoAllegation" && r.EntityId == allegation.Id.ToString() && r.ActorUserId == f.Officer.UserId);
        Assert.Contains(reads, r => r.EntityType == "Person" && r.EntityId == f.ChildId.ToString());
        Assert.Contains(await f.Db.AuditEvents.AsNoTracking().Select(e => e.Process).ToListAsync(Ct), p => p == "Lado.Figures");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_initial_consideration_is_due_one_working_day_after_the_referral_and_then_the_resolution_period_runs(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var friday = await f.RecordAsync(D(11, 20));
        var thursday = await f.RecordAsync(D(11, 19), LadoSector.Health);

        var list = await f.Lado.ListAsync(new AllegationFilter(), f.Officer, Ct);
        Assert.Equal([thursday.Id, friday.Id], list.Select(v => v.Allegation.Id));
        Assert.Equal((D(11, 20), DeadlineStatus.Overdue), (list[0].InitialConsideration.Deadline.DueDate, list[0].InitialConsideration.Status));
        Assert.Equal((D(11, 23), DeadlineStatus.DueToday), (list[1].InitialConsideration.Deadline.DueDate, list[1].InitialConsideration.Status));
        Assert.Equal([thursday.Id], (await f.Lado.ListAsync(new AllegationFilter { OverdueOnly = true }, f.Officer, Ct)).Select(v => v.Allegation.Id));
        Assert.Equal([thursday.Id], (await f.Lado.ListAsync(new AllegationFilter { Sector = LadoSector.Health }, f.Officer, Ct)).Select(v => v.Allegation.Id));

        // On the designated officer's due work only: never a team's list nor another worker's.
        var due = f.Services.Get<IEnumerable<IDueWorkSource>>().OfType<LadoDueWorkSource>().Single();
        var mine = await due.DueAsync(new DueWorkQuery(WorkerId: f.Officer.UserId), Ct);
        Assert.Equal(["LADO initial consideration", "LADO initial consideration"], mine.Select(i => i.What));
        Assert.All(mine, i => Assert.Null(i.PersonId));
        Assert.Empty(await due.DueAsync(new DueWorkQuery(TeamId: f.Journey.Team.Id), Ct));
        Assert.Empty(await due.DueAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct));
        Assert.Empty(await due.DueAsync(new DueWorkQuery(), Ct));

        await f.Lado.RecordDecisionAsync(thursday.Id, 0, new(D(11, 23), LadoDecision.ThresholdMet, "A mark on the child"), f.Officer, Ct);
        var decided = (await f.Lado.GetAsync(thursday.Id, f.Officer, Ct))!;
        Assert.Equal(DeadlineStatus.MetLate, decided.InitialConsideration.Status);
        Assert.Equal((D(12, 19), DeadlineStatus.NotYetDue), (decided.Resolution!.Deadline.DueDate, decided.Resolution.Status));
        Assert.Equal("Resolution", decided.Due);
        Assert.Contains(await due.DueAsync(new DueWorkQuery(WorkerId: f.Officer.UserId), Ct), i => i.What == "LADO allegation open: resolution" && i.Assessment.Deadline.DueDate == D(12, 19));
        Assert.Equal((0, 1, 2), await f.Lado.MyCountsAsync(f.Officer, Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_decision_actions_and_closure_follow_the_rules_and_a_stale_change_is_refused(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var allegation = await f.RecordAsync(D(11, 20));

        var early = await RefusedAsync(() => f.Lado.CloseAsync(allegation.Id, 0, new(LadoOutcome.Unfounded, D(11, 23), null), f.Officer, Ct));
        Assert.Equal("Record the initial consideration and decision before closing the allegation", early[0].Message);
        var strategy = await RefusedAsync(() => f.Lado.RecordActionsAsync(allegation.Id, 0, new ActionDetails { StrategyDiscussionOn = D(11, 23) }, f.Officer, Ct));
        Assert.Equal("StrategyDiscussionOn", strategy[0].Field);
        var before = await RefusedAsync(() => f.Lado.RecordDecisionAsync(allegation.Id, 0, new(D(11, 19), LadoDecision.ThresholdMet, "x"), f.Officer, Ct));
        Assert.Equal("The initial consideration cannot be before the referral", before[0].Message);

        await f.Lado.RecordDecisionAsync(allegation.Id, 0, new(D(11, 23), LadoDecision.ThresholdMet, "A mark on the child"), f.Officer, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Lado.RecordDecisionAsync(allegation.Id, 0, new(D(11, 23), LadoDecision.AdviceOnly, "Changed my mind"), f.Officer, Ct));
        Assert.Equal(LadoDecision.ThresholdMet, (await f.Lado.GetAsync(allegation.Id, f.Officer, Ct))!.Allegation.Decision);

        var suspension = await RefusedAsync(() => f.Lado.RecordActionsAsync(allegation.Id, 1, new ActionDetails { Suspended = true }, f.Officer, Ct));
        Assert.Equal(("SuspendedFrom", "Enter the date the worker was suspended"), (suspension[0].Field, suspension[0].Message));
        await f.Lado.RecordActionsAsync(allegation.Id, 1, new ActionDetails
        {
            StrategyDiscussionOn = D(11, 23),
            Section47StartedOn = D(11, 23),
            PoliceActions = "Investigation opened",
            Suspended = true,
            SuspendedFrom = D(11, 23),
            EmployerInvestigation = "Held by the head teacher",
        }, f.Officer, Ct);
        var advice = await RefusedAsync(() => f.Lado.RecordDecisionAsync(allegation.Id, 2, new(D(11, 23), LadoDecision.AdviceOnly, "x"), f.Officer, Ct));
        Assert.Equal("A strategy discussion, section 47 enquiry or outcome is recorded: the threshold was met", advice[0].Message);

        var noOutcome = await RefusedAsync(() => f.Lado.CloseAsync(allegation.Id, 2, new(null, D(11, 23), null), f.Officer, Ct));
        Assert.Equal(("Outcome", "Select the outcome of the allegation"), (noOutcome[0].Field, noOutcome[0].Message));
        await f.Lado.CloseAsync(allegation.Id, 2, new(LadoOutcome.Unsubstantiated, D(11, 23), "No further action"), f.Officer, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Lado.CloseAsync(allegation.Id, 2, new(LadoOutcome.False, D(11, 23), null), f.Officer, Ct));
        var closed = (await f.Lado.GetAsync(allegation.Id, f.Officer, Ct))!.Allegation;
        Assert.Equal((LadoOutcome.Unsubstantiated, (DateOnly?)D(11, 23), (DateOnly?)D(11, 23), 3), (closed.Outcome!.Value, closed.ClosedOn, closed.SuspendedUntil, closed.Version));
        Assert.Empty(await f.Lado.ListAsync(new AllegationFilter(), f.Officer, Ct));
        Assert.Single(await f.Lado.ListAsync(new AllegationFilter { Status = AllegationStatus.Closed }, f.Officer, Ct));

        // Advice only closes without an outcome.
        var second = await f.RecordAsync(D(11, 23));
        await f.Lado.RecordDecisionAsync(second.Id, 0, new(D(11, 23), LadoDecision.AdviceOnly, "Advice on conduct given to the club"), f.Officer, Ct);
        var withOutcome = await RefusedAsync(() => f.Lado.CloseAsync(second.Id, 1, new(LadoOutcome.False, D(11, 23), null), f.Officer, Ct));
        Assert.Equal("An allegation closed with advice only has no outcome", withOutcome[0].Message);
        await f.Lado.CloseAsync(second.Id, 1, new(null, D(11, 23), null), f.Officer, Ct);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_contact_decided_refer_to_the_lado_waits_until_an_allegation_is_opened_from_it(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var contactId = await f.LadoContactAsync();

        var waiting = Assert.Single(await f.Lado.WaitingReferralsAsync(f.Officer, Ct));
        Assert.Equal((contactId, "Bury Grammar", "Dee Designated"), (waiting.ContactId, waiting.FromAgency, waiting.ReferrerName));
        var prefilled = (await f.Lado.FromContactAsync(contactId, f.Officer, Ct))!;
        Assert.Equal((D(11, 22), f.SchoolId, "Dee Designated", f.ChildId), (prefilled.ReferredOn!.Value, prefilled.ReferrerAgencyId!.Value, prefilled.ReferrerName, Assert.Single(prefilled.ChildIds)));

        await f.Lado.RecordAsync(prefilled with { WorkerName = "Jo Bloggs", EmployerAgencyId = f.SchoolId, WorkerRole = "Teacher", Sector = LadoSector.Education, Category = LadoCategory.Harm }, f.Officer, Ct);
        Assert.Empty(await f.Lado.WaitingReferralsAsync(f.Officer, Ct));
        var twice = await RefusedAsync(() => f.Lado.RecordAsync(f.Referral(D(11, 22)) with { ContactId = contactId }, f.Officer, Ct));
        Assert.Equal("An allegation was already opened from that contact", twice[0].Message);

        // The page shows those waiting longest and counts them all in the database.
        var newer = await f.LadoContactAsync(hoursAgo: 3);
        var older = await f.LadoContactAsync(hoursAgo: 30);
        var first = await f.Lado.WaitingReferralsPageAsync(f.Officer, 1, Ct);
        Assert.Equal((2, older), (first.Total, Assert.Single(first.Items).ContactId));
        Assert.Equal([older, newer], (await f.Lado.WaitingReferralsAsync(f.Officer, Ct)).Select(w => w.ContactId));
    }
}
