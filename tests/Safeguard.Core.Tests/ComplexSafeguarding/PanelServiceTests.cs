using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Chronology;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Timescales;
using Safeguard.Work;
using static Safeguard.Core.Tests.ComplexSafeguarding.MissingFixture;

namespace Safeguard.Core.Tests.ComplexSafeguarding;

/// <summary>The exploitation and missing panel: the agenda from the criteria, decisions and actions with version checks, actions on the owner's due work, the chronology.</summary>
public class PanelServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Utc(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.Zero);

    private static async Task<IReadOnlyList<ValidationProblem>> RefusedAsync(Func<Task> act) =>
        (await Assert.ThrowsAsync<SafeguardValidationException>(act)).Problems;

    [Fact]
    public async Task Every_criterion_in_the_assembly_is_registered()
    {
        await using var f = await CreateAsync(DatabaseProvider.Sqlite);
        Assert.Equal(["high-risk-missing", "new-high-risk", "repeat-missing", "rhi-declined"], f.Services.Get<PanelService>().Criteria.Select(c => c.Code).Order());
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_child_newly_judged_at_high_exploitation_risk_comes_to_the_panel_but_one_already_high_does_not(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var exploitation = f.Services.Get<ExploitationService>();
        var lia = await f.Journey.AddChildAsync("Lia", "Rising");
        await exploitation.ScreenAsync(lia, ExploitationTests.Screening(new DateOnly(2026, 10, 1), ExploitationRisk.Medium, ScreeningOutcome.SupportWithoutReferral), f.Worker, Ct);
        await exploitation.ScreenAsync(lia, ExploitationTests.Screening(new DateOnly(2026, 11, 10), categories: ExploitationCategories.Sexual), f.Worker, Ct);
        var max = await f.Journey.AddChildAsync("Max", "Steady");
        await exploitation.ScreenAsync(max, ExploitationTests.Screening(new DateOnly(2026, 10, 5)), f.Worker, Ct);
        await exploitation.ScreenAsync(max, ExploitationTests.Screening(new DateOnly(2026, 11, 12)), f.Worker, Ct);
        var low = await f.Journey.AddChildAsync("Lou", "Low");
        await exploitation.ScreenAsync(low, ExploitationTests.Screening(new DateOnly(2026, 11, 14), ExploitationRisk.Low, ScreeningOutcome.NoFurtherAction), f.Worker, Ct);

        var panel = f.Services.Get<PanelService>();
        var meeting = await panel.ScheduleAsync(new PanelMeetingDetails(new DateOnly(2026, 11, 23), "DCI Rae"), f.Worker, Ct);
        Assert.Equal(1, await panel.BuildAgendaAsync(meeting.Id, f.Worker, Ct));
        var view = (await panel.MeetingAsync(meeting.Id, f.Worker, Ct))!;
        var item = Assert.Single(view.Agenda);
        Assert.Equal(("Lia Rising", "new-high-risk", "New high exploitation risk: Judged at high risk of exploitation (CSE) on 10 Nov 2026"),
            (item.ChildName, item.Case.Criteria, item.Case.Reasons));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_agenda_holds_the_children_meeting_the_criteria_in_the_window_with_why(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var panel = f.Services.Get<PanelService>();
        // Amira: missing three times in 90 days (one before the window).
        await f.RecordAsync(Utc(9, 10, 18), Utc(9, 11, 1));
        await f.RecordAsync(Utc(11, 1, 18), Utc(11, 2, 1));
        await f.RecordAsync(Utc(11, 15, 18), Utc(11, 16, 1));
        // Jade declined her interview; Zac was graded high risk; Ola went missing once, medium risk; Hana is restricted and repeat missing.
        var jade = await f.Journey.AddChildAsync("Jade", "Price");
        var declined = await f.RecordAsync(Utc(11, 10, 18), Utc(11, 11, 1), jade);
        await f.Missing.RecordInterviewAsync(declined.Id, 0, Interview(Utc(11, 11, 10), ReturnInterviewOutcome.Declined, reason: "Did not want to talk"), f.Worker, Ct);
        var zac = await f.Journey.AddChildAsync("Zac", "Hill");
        await f.Missing.RecordAsync(zac, Episode(Utc(11, 20, 18), Utc(11, 21, 3), f.PoliceAgencyId) with { RiskAtReport = MissingRisk.High }, f.Worker, Ct);
        var ola = await f.Journey.AddChildAsync("Ola", "Once");
        await f.RecordAsync(Utc(11, 5, 18), Utc(11, 6, 1), ola);
        var hana = await f.Journey.AddChildAsync("Hana", "Hidden", restricted: true);
        foreach (var day in new[] { 3, 9, 17 })
        {
            await f.RecordAsync(Utc(11, day, 18), Utc(11, day + 1, 1), hana);
        }

        var empty = await RefusedAsync(() => panel.ScheduleAsync(new PanelMeetingDetails(null, " "), f.Worker, Ct));
        Assert.Equal(["MeetingDate", "Chair"], empty.Select(p => p.Field));
        var meeting = await panel.ScheduleAsync(new PanelMeetingDetails(new DateOnly(2026, 11, 23), "DCI Rae"), f.Worker, Ct);
        Assert.Equal("There is already a meeting on that date", Assert.Single(await RefusedAsync(() => panel.ScheduleAsync(new PanelMeetingDetails(new DateOnly(2026, 11, 23), "Other"), f.Worker, Ct))).Message);

        Assert.Equal(4, await panel.BuildAgendaAsync(meeting.Id, f.Worker, Ct));
        Assert.Equal(0, await panel.BuildAgendaAsync(meeting.Id, f.Worker, Ct));
        // Hana's record is restricted to the worker who restricted it: anyone else sees a placeholder.
        var other = new Actor(Guid.NewGuid(), "Ola Other", f.Worker.AgencyId);
        var view = (await panel.MeetingAsync(meeting.Id, other, Ct))!;
        Assert.Equal((new DateOnly(2026, 10, 24), new DateOnly(2026, 11, 23)), (view.Window.From, view.Window.To));
        Assert.Equal(
            [
                ("Amira Khan", "repeat-missing", "Repeat missing: Missing 3 times in the 90 days to 23 Nov 2026"),
                ("Jade Price", "rhi-declined", "Return home interview declined: Declined the return home interview offered on 11 Nov 2026"),
                ("Zac Hill", "high-risk-missing", "Police graded high risk at report: Graded high risk by the police when reported missing on 20 Nov 2026"),
                (MissingEpisodeService.RestrictedName, "repeat-missing", ""),
            ],
            view.Agenda.Select(c => (c.ChildName, c.Case.Criteria, c.CanOpen ? c.Case.Reasons : "")));

        // The next meeting looks only at what happened since this one.
        f.Clock.Advance(TimeSpan.FromDays(28));
        var next = await panel.ScheduleAsync(new PanelMeetingDetails(new DateOnly(2026, 12, 21), "DCI Rae"), f.Worker, Ct);
        await panel.BuildAgendaAsync(next.Id, f.Worker, Ct);
        var later = (await panel.MeetingAsync(next.Id, other, Ct))!;
        Assert.Equal(new DateOnly(2026, 11, 24), later.Window.From);
        // Amira's September episode has left the 90 days; Hana is still missing repeatedly.
        Assert.Equal([MissingEpisodeService.RestrictedName], later.Agenda.Select(c => c.ChildName));

        var named = await f.Services.Db.AuditEvents.AsNoTracking().Where(e => e.Process == "Panels.ViewMeeting" && e.EntityType == "Person" && e.ActorUserId == other.UserId).Select(e => e.EntityId).ToListAsync(Ct);
        Assert.Contains(jade.ToString(), named);
        Assert.DoesNotContain(hana.ToString(), named);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_decision_and_actions_are_version_checked_and_the_action_is_on_its_owners_due_work_until_done(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var panel = f.Services.Get<PanelService>();
        foreach (var day in new[] { 1, 8, 15 })
        {
            await f.RecordAsync(Utc(11, day, 18), Utc(11, day + 1, 1));
        }

        var meeting = await panel.ScheduleAsync(new PanelMeetingDetails(new DateOnly(2026, 11, 23), "DCI Rae"), f.Worker, Ct);
        await panel.BuildAgendaAsync(meeting.Id, f.Worker, Ct);
        await panel.AddAttendeeAsync(meeting.Id, new PanelAttendeeDetails(f.PoliceAgencyId, "DS Jones", "Detective sergeant", true), f.Worker, Ct);
        Assert.Equal(["AgencyId", "Name", "Attended"], (await RefusedAsync(() => panel.AddAttendeeAsync(meeting.Id, new PanelAttendeeDetails(null, "", null, null), f.Worker, Ct))).Select(p => p.Field));
        var item = (await panel.MeetingAsync(meeting.Id, f.Worker, Ct))!.Agenda.Single();

        await panel.RecordDecisionAsync(item.Case.Id, 0, "Refer for an exploitation screening; safety plan to be updated", f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => panel.RecordDecisionAsync(item.Case.Id, 0, "Stale", f.Worker, Ct));
        await panel.RecordMinutesAsync(meeting.Id, 1, "Four agencies present.", f.Worker, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => panel.RecordMinutesAsync(meeting.Id, 1, "Stale", f.Worker, Ct));

        var owner = Assert.Single(await panel.OwnersAsync(Ct));
        Assert.Equal(f.Worker.UserId, owner.UserId);
        var bad = await RefusedAsync(() => panel.AddActionAsync(item.Case.Id, new PanelActionDetails(" ", Guid.NewGuid(), new DateOnly(2026, 11, 20)), f.Worker, Ct));
        Assert.Equal([("Description", "Say what is to be done"), ("OwnerUserId", "Select who owns the action"), ("DueOn", "The action cannot be due before the meeting")], bad.Select(p => (p.Field, p.Message)));
        var action = await panel.AddActionAsync(item.Case.Id, new PanelActionDetails("Complete the exploitation screening", owner.UserId, new DateOnly(2026, 11, 30)), f.Worker, Ct);

        var mine = await f.Services.Get<DueWorkList>().ReadAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct);
        var due = Assert.Single(mine, i => i.What.StartsWith("Panel action", StringComparison.Ordinal));
        Assert.Equal(("Amira Khan", "Panel action: Complete the exploitation screening", new DateOnly(2026, 11, 30), DeadlineStatus.NotYetDue, $"/panels/actions/{action.Id}", (Guid?)f.Journey.Team.Id),
            (due.ChildName, due.What, due.Assessment.Deadline.DueDate, due.Assessment.Status, due.Link, due.TeamId));

        var notOwner = new Actor(Guid.NewGuid(), "Ola Other", f.Worker.AgencyId);
        Assert.Equal("Only the action's owner or someone who runs the panel can mark it done", Assert.Single(await RefusedAsync(() => panel.CompleteActionAsync(action.Id, 0, false, notOwner, Ct))).Message);
        await panel.CompleteActionAsync(action.Id, 0, false, f.Worker, Ct);
        Assert.DoesNotContain(await f.Services.Get<DueWorkList>().ReadAsync(new DueWorkQuery(WorkerId: f.Worker.UserId), Ct), i => i.What.StartsWith("Panel action", StringComparison.Ordinal));

        var chronology = await f.Services.Get<ChronologyService>().ForPersonAsync(f.ChildId, new ChronologyFilter([ChronologyKinds.Panel]), f.Worker, Ct);
        var entry = Assert.Single(chronology!);
        Assert.Equal("Exploitation and missing panel decision", entry.Title);
        Assert.Contains("Decision: Refer for an exploitation screening", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("Action for Sam Worker by 30 Nov 2026: Complete the exploitation screening", entry.Detail, StringComparison.Ordinal);
    }
}
