using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.Common;
using Safeguard.Escalations;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Work;
using static Safeguard.Core.Tests.Escalations.EscalationFixture;

namespace Safeguard.Core.Tests.Escalations;

/// <summary>Professional disagreements between agencies: the rules, stage due dates in working days, overdue stages on due work, escalating, closing, versions, who reads them, figures.</summary>
public class EscalationServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static async Task<IReadOnlyList<ValidationProblem>> RefusedAsync(Func<Task> act) =>
        (await Assert.ThrowsAsync<SafeguardValidationException>(act)).Problems;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_new_escalation_is_checked_field_by_field_and_stage_1_is_due_five_working_days_later_skipping_the_bank_holiday(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);

        var empty = await RefusedAsync(() => f.Escalations.RaiseAsync(new NewEscalation(), f.Police, Ct));
        Assert.Equal(["RaisedWithAgencyId", "RaisedByRole", "Subject", "Theme", "Concern", "RaisedOn"], empty.Select(p => p.Field));
        var own = await RefusedAsync(() => f.Escalations.RaiseAsync(f.Disagreement(D(11, 20)) with { RaisedWithAgencyId = f.PoliceId }, f.Police, Ct));
        Assert.Equal(("RaisedWithAgencyId", "An escalation is between two agencies: select another agency than your own"), (own[0].Field, own[0].Message));
        var future = await RefusedAsync(() => f.Escalations.RaiseAsync(f.Disagreement(D(11, 24)), f.Police, Ct));
        Assert.Equal("RaisedOn", Assert.Single(future).Field);
        var stranger = await RefusedAsync(() => f.Escalations.RaiseAsync(f.Disagreement(D(11, 20)) with { RespondingUserId = f.School.UserId }, f.Police, Ct));
        Assert.Equal("RespondingUserId", Assert.Single(stranger).Field);
        Assert.Empty(await f.Db.Set<Escalation>().ToListAsync(Ct));

        // Thursday 27 August 2026: Friday, then the weekend and the summer bank holiday (Monday 31 August), then four days.
        var raised = await f.RaiseAsync(D(8, 27));
        var saved = await f.Db.Set<Escalation>().AsNoTracking().Include(e => e.Stages).SingleAsync(Ct);
        var stage = Assert.Single(saved.Stages);
        Assert.Equal((1, D(8, 27), D(9, 4), "Pat Police", "Sam Worker", f.Worker.UserId), (stage.Number, stage.StartedOn, stage.DueOn, stage.RaisingName, stage.RespondingName, stage.RespondingUserId));
        Assert.Equal((f.PoliceId, f.CouncilId, 1, D(9, 4), "The Khan family"), (saved.RaisedByAgencyId, saved.RaisedWithAgencyId, saved.Stage, saved.CurrentDueOn, saved.Subject));
        Assert.Contains(await f.Db.AuditEvents.Where(e => e.EntityType == "Escalation" && e.EntityId == raised.Id.ToString()).Select(e => e.Process).ToListAsync(Ct), p => p == "Escalations.Raise");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_stages_timescale_is_the_local_setting_when_the_partnership_changed_it(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        await f.Services.Get<CalendarAdministration>().SetLocalTimescaleAsync("escalation-stage-1", 3, "Our policy: three working days", Actor.System(), Ct);

        var raised = await f.RaiseAsync(D(11, 20));

        Assert.Equal(D(11, 25), raised.CurrentDueOn);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_overdue_stage_is_on_the_due_work_of_the_people_at_both_sides_and_filtered_in_the_list(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var overdue = await f.RaiseAsync(D(11, 13));
        var today = await f.RaiseAsync(D(11, 16));

        var list = await f.Escalations.ListPageAsync(new EscalationFilter(), f.BusinessUnit, cancellationToken: Ct);
        Assert.Equal([overdue.Id, today.Id], list.Items.Select(v => v.Escalation.Id));
        Assert.Equal((D(11, 20), DeadlineStatus.Overdue), (list.Items[0].Current!.Deadline.DueDate, list.Items[0].Current!.Status));
        Assert.Equal((D(11, 23), DeadlineStatus.DueToday), (list.Items[1].Current!.Deadline.DueDate, list.Items[1].Current!.Status));
        var overdueOnly = await f.Escalations.ListPageAsync(new EscalationFilter { OverdueOnly = true }, f.BusinessUnit, cancellationToken: Ct);
        Assert.Equal((1, overdue.Id), (overdueOnly.Total, Assert.Single(overdueOnly.Items).Escalation.Id));
        var paged = await f.Escalations.ListPageAsync(new EscalationFilter(), f.BusinessUnit, page: 2, pageSize: 1, cancellationToken: Ct);
        Assert.Equal((2, 2, today.Id), (paged.Total, paged.Page, Assert.Single(paged.Items).Escalation.Id));

        var due = f.Services.Get<IEnumerable<IDueWorkSource>>().OfType<EscalationDueWorkSource>().Single();
        var raiser = await due.DueAsync(new DueWorkQuery(WorkerId: f.Police.UserId), Ct);
        Assert.Equal([DeadlineStatus.Overdue, DeadlineStatus.DueToday], raiser.OrderBy(i => i.Assessment.Deadline.DueDate).Select(i => i.Assessment.Status));
        Assert.All(raiser, i => Assert.Equal(("The Khan family", null), (i.ChildName, i.PersonId)));
        var responder = await due.DueAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct);
        Assert.Contains(responder, i => i.Link == $"/my-agency/escalations/{overdue.Id}" && i.What.Contains("respond", StringComparison.Ordinal));
        Assert.Empty(await due.DueAsync(new DueWorkQuery(WorkerId: f.School.UserId), Ct));
        Assert.Empty(await due.DueAsync(new DueWorkQuery(TeamId: f.Journey.Team.Id), Ct));
        Assert.Empty(await due.DueAsync(new DueWorkQuery(WorkerId: f.BusinessUnit.UserId), Ct));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Escalating_ends_the_stage_and_starts_the_next_with_its_own_due_date_and_a_stale_version_is_refused(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var raised = await f.RaiseAsync(D(11, 13));
        var version = await f.VersionAsync(raised.Id);

        await f.Escalations.RespondAsync(raised.Id, version, new("The threshold for a strategy discussion is not met: an early help assessment is offered.", D(11, 18)), f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Escalations.RespondAsync(raised.Id, version, new("Again", D(11, 18)), f.Worker, Ct));
        var notTheirs = await RefusedAsync(() => f.Escalations.RespondAsync(raised.Id, version + 1, new("We agree with ourselves", D(11, 18)), f.Police, Ct));
        Assert.Equal("Response", Assert.Single(notTheirs).Field);

        var step = new EscalationStep { StartedOn = D(11, 23), Reason = "The response does not address the risk from the third incident", RaisingName = "DS Morgan", RaisingRole = "Detective sergeant", RespondingName = "Tariq Manager", RespondingRole = "Team manager" };
        var before = await RefusedAsync(() => f.Escalations.EscalateAsync(raised.Id, version + 1, step with { StartedOn = D(11, 12) }, f.Police, Ct));
        Assert.Equal("StartedOn", Assert.Single(before).Field);
        await f.Escalations.EscalateAsync(raised.Id, version + 1, step, f.Police, Ct);

        var view = (await f.Escalations.GetAsync(raised.Id, f.Police, Ct))!;
        Assert.Equal((2, D(11, 30), DeadlineStatus.NotYetDue), (view.Escalation.Stage, view.Current!.Deadline.DueDate, view.Current.Status));
        Assert.Equal([(1, (DateOnly?)D(11, 23), (bool?)false), (2, null, null)], view.Escalation.Stages.Select(s => (s.Number, s.EndedOn, s.EndedInTime)));
        Assert.Equal("The threshold for a strategy discussion is not met: an early help assessment is offered.", view.Escalation.Stages[0].Response);
        Assert.Equal(("DS Morgan", "Tariq Manager"), (view.Escalation.Stages[1].RaisingName, view.Escalation.Stages[1].RespondingName));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Escalations.EscalateAsync(raised.Id, version + 1, step, f.Police, Ct));

        var current = await f.VersionAsync(raised.Id);
        await f.Escalations.EscalateAsync(raised.Id, current, step with { StartedOn = D(11, 23) }, f.Police, Ct);
        await f.Escalations.EscalateAsync(raised.Id, await f.VersionAsync(raised.Id), step with { StartedOn = D(11, 23) }, f.BusinessUnit, Ct);
        var last = await RefusedAsync(() => f.Escalations.EscalateAsync(raised.Id, 0, step, f.Police, Ct));
        Assert.Equal("Stage", Assert.Single(last).Field);
        var stage4 = (await f.Escalations.GetAsync(raised.Id, f.BusinessUnit, Ct))!;
        Assert.Equal((4, D(12, 7)), (stage4.Escalation.Stage, stage4.Escalation.CurrentDueOn));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_agency_sees_only_escalations_raised_by_or_with_it_and_every_read_is_audited(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        // The police may not link the child's record (they may not see it); children's services may, raising with the police.
        var notVisible = await RefusedAsync(() => f.Escalations.RaiseAsync(f.Disagreement(D(11, 20)) with { PersonId = f.ChildId }, f.Police, Ct));
        Assert.Equal("PersonId", notVisible[0].Field);
        var linked = await f.Escalations.RaiseAsync(f.Disagreement(D(11, 20)) with { RaisedWithAgencyId = f.PoliceId, RespondingUserId = f.Police.UserId, PersonId = f.ChildId, Subject = null, Theme = EscalationTheme.InformationSharing }, f.Worker, Ct);
        Assert.Equal("Amira Khan", linked.Subject);

        Assert.Null(await f.Escalations.GetAsync(linked.Id, f.School, Ct));
        Assert.Equal(0, (await f.Escalations.ListPageAsync(new EscalationFilter(), f.School, cancellationToken: Ct)).Total);
        await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Escalations.CloseAsync(linked.Id, 0, new(EscalationOutcome.Resolved, D(11, 23), "Agreed", null), f.School, Ct));
        await Assert.ThrowsAsync<EscalationAccessRefusedException>(() => f.Escalations.GetAsync(linked.Id, Actor.Anonymous, Ct));

        Assert.Equal("Amira Khan", (await f.Escalations.GetAsync(linked.Id, f.Police, Ct))!.ChildName);
        Assert.Equal(1, (await f.Escalations.ListPageAsync(new EscalationFilter(), f.Police, cancellationToken: Ct)).Total);
        Assert.NotNull(await f.Escalations.GetAsync(linked.Id, f.BusinessUnit, Ct));
        var reads = await f.Db.AuditEvents.AsNoTracking().Where(e => e.Process == "Escalations.View").Select(e => new { e.EntityType, e.EntityId, e.ActorUserId }).ToListAsync(Ct);
        Assert.Contains(reads, r => r.EntityType == "Escalation" && r.EntityId == linked.Id.ToString() && r.ActorUserId == f.BusinessUnit.UserId);
        Assert.Contains(reads, r => r.EntityType == "Person" && r.EntityId == f.ChildId.ToString() && r.ActorUserId == f.Police.UserId);

        // Part of the child's record: on their chronology.
        var chronology = await f.Services.Get<ChronologyService>().ForPersonAsync(f.ChildId, new ChronologyFilter([ChronologyKinds.Escalation]), f.Worker, Ct);
        Assert.Equal("Professional disagreement raised with Greater Manchester Police: information sharing", Assert.Single(chronology!).Title);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Closing_records_the_outcome_and_learning_and_the_years_figures_count_it(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var resolved = await f.RaiseAsync(D(11, 13));
        var withdrawn = await f.RaiseAsync(D(11, 16));
        await f.RaiseAsync(D(11, 20));

        var noNotes = await RefusedAsync(() => f.Escalations.CloseAsync(resolved.Id, 0, new(EscalationOutcome.Resolved, D(11, 19), null, null), f.Worker, Ct));
        Assert.Equal("Notes", Assert.Single(noNotes).Field);
        await f.Escalations.CloseAsync(resolved.Id, 0, new(EscalationOutcome.Resolved, D(11, 19), "Strategy discussion held on 19 November", "Share the incident history at the front door"), f.Worker, Ct);
        var onlyRaiser = await RefusedAsync(() => f.Escalations.CloseAsync(withdrawn.Id, 0, new(EscalationOutcome.Withdrawn, D(11, 23), null, null), f.Worker, Ct));
        Assert.Equal("Outcome", Assert.Single(onlyRaiser).Field);
        await f.Escalations.CloseAsync(withdrawn.Id, 0, new(EscalationOutcome.Withdrawn, D(11, 23), null, null), f.Police, Ct);
        var closed = await RefusedAsync(() => f.Escalations.ChangeAsync(resolved.Id, 1, new("x", EscalationTheme.Other, "y"), f.Police, Ct));
        Assert.Equal("The escalation is closed", closed[0].Message);

        var saved = (await f.Escalations.GetAsync(resolved.Id, f.BusinessUnit, Ct))!;
        Assert.Equal((EscalationOutcome.Resolved, (DateOnly?)D(11, 19), "Share the incident history at the front door", "Sam Worker", (bool?)true, (DeadlineAssessment?)null),
            (saved.Escalation.Outcome, saved.Escalation.ClosedOn, saved.Escalation.Learning, saved.Escalation.ClosedByName, saved.Escalation.Stages[0].EndedInTime, saved.Current));

        var figures = await f.Services.Get<EscalationFiguresQuery>().ForYearAsync(new ReportingYear(2026), Ct);
        Assert.Equal((3, 1, 0, 2, 2, 1), (figures.Raised, figures.Open, figures.OpenOverdue, figures.Closed, figures.ClosedWithinTimescale, figures.ResolvedByStage2));
        Assert.Equal(("Greater Manchester Police", 3), (Assert.Single(figures.ByRaisingAgency).Label, figures.ByRaisingAgency[0].Count));
        Assert.Equal([1, 0, 1], figures.ByOutcome.Select(l => l.Count));
        Assert.Equal((3, 2, 2, 100.0m), (figures.Stages[0].Started, figures.Stages[0].Ended, figures.Stages[0].EndedInTime, figures.Stages[0].InTimeRate));
        Assert.Equal(100.0m, figures.WithinTimescaleRate);
    }
}
