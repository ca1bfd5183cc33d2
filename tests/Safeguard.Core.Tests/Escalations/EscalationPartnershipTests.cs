using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Core.Tests.Journey;
using Safeguard.Escalations;
using Safeguard.InformationGovernance;
using Safeguard.Persistence;
using Safeguard.Testing;
using static Safeguard.Core.Tests.Escalations.EscalationFixture;

namespace Safeguard.Core.Tests.Escalations;

/// <summary>The partnership's part: the stage 4 meeting, the business unit's outcome, notes on any stage, and how long a closed escalation is kept.</summary>
public class EscalationPartnershipTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly D(int month, int day) => new(2026, month, day);

    private static async Task<IReadOnlyList<ValidationProblem>> RefusedAsync(Func<Task> act) =>
        (await Assert.ThrowsAsync<SafeguardValidationException>(act)).Problems;

    private static readonly EscalationStep Step = new() { Reason = "Not resolved", RaisingName = "DS Morgan", RaisingRole = "Detective sergeant", RespondingName = "Tariq Manager", RespondingRole = "Head of service" };

    /// <summary>Raised on Monday 16 November and escalated a day at a time: at stage <paramref name="stage"/> from 16 + stage - 1 November.</summary>
    private static async Task<Escalation> AtStageAsync(EscalationFixture f, int stage)
    {
        var raised = await f.RaiseAsync(D(11, 16));
        for (var next = 2; next <= stage; next++)
        {
            await f.Escalations.EscalateAsync(raised.Id, await f.VersionAsync(raised.Id), Step with { StartedOn = D(11, 15 + next) }, f.Police, Ct);
        }

        return raised;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task At_stage_4_the_business_unit_records_the_partnerships_meeting_then_the_outcome_and_learning(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var early = await AtStageAsync(f, 3);
        var meeting = new PartnershipMeeting(D(11, 20), "Independent scrutineer; heads of service of the police and children's services", "A strategy discussion is held this week; the police attend");

        var earlyVersion = await f.VersionAsync(early.Id);
        var notYet = await RefusedAsync(() => f.Escalations.RecordMeetingAsync(early.Id, earlyVersion, meeting, f.BusinessUnit, Ct));
        Assert.Equal("MeetingOn", Assert.Single(notYet).Field);
        var closingEarly = await RefusedAsync(() => f.Escalations.CloseAsync(early.Id, 0, new(EscalationOutcome.Resolved, D(11, 20), "Agreed", null), f.BusinessUnit, Ct));
        Assert.Equal(("Outcome", "The escalation is at stage 3: the agencies record its outcome; the business unit records the partnership's at stage 4"), (closingEarly[0].Field, closingEarly[0].Message));

        var raised = await AtStageAsync(f, 4);
        var version = await f.VersionAsync(raised.Id);
        var byAgency = await RefusedAsync(() => f.Escalations.RecordMeetingAsync(raised.Id, version, meeting, f.Police, Ct));
        Assert.Equal("Only the partnership's business unit records the partnership's meeting at stage 4", Assert.Single(byAgency).Message);
        var empty = await RefusedAsync(() => f.Escalations.RecordMeetingAsync(raised.Id, version, new(null, " ", null), f.BusinessUnit, Ct));
        Assert.Equal(["MeetingOn", "Attendees", "Decision"], empty.Select(p => p.Field));
        var beforeStage = await RefusedAsync(() => f.Escalations.RecordMeetingAsync(raised.Id, version, meeting with { MeetingOn = D(11, 18) }, f.BusinessUnit, Ct));
        Assert.Equal(("MeetingOn", "The date of the meeting cannot be before stage 4 started on 19 November 2026"), (beforeStage[0].Field, beforeStage[0].Message));

        await f.Escalations.RecordMeetingAsync(raised.Id, version, meeting, f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Escalations.RecordMeetingAsync(raised.Id, version, meeting, f.BusinessUnit, Ct));
        var afterMeeting = await f.VersionAsync(raised.Id);
        var withdraw = await RefusedAsync(() => f.Escalations.CloseAsync(raised.Id, afterMeeting, new(EscalationOutcome.Withdrawn, D(11, 23), null, null), f.BusinessUnit, Ct));
        Assert.Equal("Only the agency that raised the escalation can withdraw it", Assert.Single(withdraw).Message);
        await f.Escalations.CloseAsync(raised.Id, await f.VersionAsync(raised.Id), new(EscalationOutcome.Resolved, D(11, 23), "Strategy discussion held", "Heads of service meet within two days of a stage 3 escalation"), f.BusinessUnit, Ct);

        var saved = (await f.Escalations.GetAsync(raised.Id, f.Police, Ct))!.Escalation;
        var stage4 = saved.Stages[3];
        Assert.Equal((D(11, 20), meeting.Attendees, meeting.Decision, (DateOnly?)D(11, 23)), (stage4.MeetingOn, stage4.MeetingAttendees, stage4.Decision, stage4.EndedOn));
        Assert.Equal((EscalationOutcome.Resolved, "Bea Business", "Heads of service meet within two days of a stage 3 escalation"), (saved.Outcome!.Value, saved.ClosedByName, saved.Learning));
        var processes = await f.Db.AuditEvents.AsNoTracking().Where(e => e.ActorUserId == f.BusinessUnit.UserId && e.Action != AuditAction.Viewed).Select(e => e.Process).Distinct().ToListAsync(Ct);
        Assert.Contains("Escalations.PartnershipMeeting", processes);
        Assert.Contains("Escalations.Close", processes);
        var afterClosing = await f.VersionAsync(raised.Id);
        var closed = await RefusedAsync(() => f.Escalations.RecordMeetingAsync(raised.Id, afterClosing, meeting, f.BusinessUnit, Ct));
        Assert.Equal("The escalation is closed", Assert.Single(closed).Message);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_note_is_added_to_a_stage_reached_by_either_agency_or_the_business_unit_even_once_closed(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var raised = await AtStageAsync(f, 2);
        var version = await f.VersionAsync(raised.Id);

        var refused = await RefusedAsync(() => f.Escalations.AddNoteAsync(raised.Id, version, 3, " ", f.BusinessUnit, Ct));
        Assert.Equal([("StageNumber", "Select a stage the escalation has reached (1 to 2)"), ("Text", "Enter the note")], refused.Select(p => (p.Field, p.Message)));
        Assert.Equal("StageNumber", (await RefusedAsync(() => f.Escalations.AddNoteAsync(raised.Id, version, null, "x", f.BusinessUnit, Ct)))[0].Field);
        await Assert.ThrowsAsync<SafeguardValidationException>(() => f.Escalations.AddNoteAsync(raised.Id, version, 1, "Not theirs", f.School, Ct));

        await f.Escalations.AddNoteAsync(raised.Id, version, 1, "Telephoned the team manager: the decision stands", f.BusinessUnit, Ct);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => f.Escalations.AddNoteAsync(raised.Id, version, 2, "Read before the first note", f.Police, Ct));
        await f.Escalations.AddNoteAsync(raised.Id, await f.VersionAsync(raised.Id), 2, "Chronology sent to the manager", f.Police, Ct);
        await f.Escalations.CloseAsync(raised.Id, await f.VersionAsync(raised.Id), new(EscalationOutcome.Resolved, D(11, 23), "Agreed at stage 2", null), f.Worker, Ct);
        await f.Escalations.AddNoteAsync(raised.Id, await f.VersionAsync(raised.Id), 2, "Learning shared at the practice forum", f.BusinessUnit, Ct);

        var notes = (await f.Escalations.GetAsync(raised.Id, f.Worker, Ct))!.Escalation.Notes;
        Assert.Equal(
            [(1, "Bea Business", "Telephoned the team manager: the decision stands"), (2, "Pat Police", "Chronology sent to the manager"), (2, "Bea Business", "Learning shared at the practice forum")],
            notes.Select(n => (n.StageNumber, n.WrittenByName, n.Text)));
        var created = await f.Db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(EscalationNote) && e.Action == AuditAction.Created).Select(e => e.Process).ToListAsync(Ct);
        Assert.Equal(["Escalations.Note", "Escalations.Note", "Escalations.Note"], created);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_closed_escalation_is_deleted_six_years_after_its_closure_with_its_stages_and_notes_unless_its_child_is_held(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        Escalation Old(string subject, DateOnly raised, DateOnly? closed, Guid? child = null)
        {
            var e = new Escalation
            {
                RaisedByAgencyId = f.PoliceId,
                RaisedWithAgencyId = f.CouncilId,
                RaisedByName = "Pat Police",
                RaisedByRole = "DC",
                Subject = subject,
                PersonId = child,
                Theme = EscalationTheme.ThresholdDecision,
                Concern = "Threshold",
                RaisedOn = raised,
                CurrentDueOn = raised.AddDays(7),
                RecordedAt = JourneyFixture.Now,
                RecordedByName = "Pat Police",
                Outcome = closed is null ? null : EscalationOutcome.Resolved,
                ClosedOn = closed,
                OutcomeNotes = closed is null ? null : "Agreed",
            };
            e.Stages.Add(new EscalationStage { EscalationId = e.Id, Number = 1, StartedOn = raised, DueOn = raised.AddDays(7), RaisingName = "Pat Police", RaisingRole = "DC", EndedOn = closed });
            e.Notes.Add(new EscalationNote { EscalationId = e.Id, StageNumber = 1, Text = "Called", WrittenAt = JourneyFixture.Now, WrittenByName = "Bea Business" });
            return e;
        }

        await f.Journey.OpenAsync(f.ChildId);
        var due = Old("The Ahmed family", new(2020, 1, 6), new(2020, 1, 10));
        var held = Old("Amira", new(2020, 2, 3), new(2020, 2, 7), f.ChildId);
        var recent = Old("The Lee family", new(2021, 1, 4), new(2021, 1, 5));
        var open = Old("The Park family", new(2019, 5, 1), null);
        using (f.Db.BeginProcess("Test.Seed", Actor.System()))
        {
            f.Db.AddRange(due, held, recent, open);
            await f.Db.SaveChangesAsync(Ct);
        }

        f.Db.ChangeTracker.Clear();
        var schedule = f.Services.Get<RetentionSchedule>();
        var listed = (await schedule.DueAsync(null, RetentionRecordTypes.Escalation, Actor.System(), Ct)).ToList();
        Assert.Equal(
            [(due.Id, new DateOnly(2026, 1, 10), RetentionAction.Delete, ""), (held.Id, new DateOnly(2026, 2, 7), RetentionAction.Delete, "an open case")],
            listed.Select(i => (i.Id, i.DueDate, i.Action, string.Join(", ", i.HeldBy))));
        Assert.Equal("6 years from the closure, then delete", listed[0].Rule);

        var applied = await schedule.ApplyAsync(confirm: true, Actor.System(), Ct);
        Assert.Equal([due.Id], applied.Deleted.Where(i => i.RecordType == RetentionRecordTypes.Escalation).Select(i => i.Id));
        Assert.Equal(["Amira", "The Lee family", "The Park family"], await f.Db.Set<Escalation>().AsNoTracking().OrderBy(e => e.Subject).Select(e => e.Subject).ToListAsync(Ct));
        Assert.Equal(3, await f.Db.Set<EscalationStage>().CountAsync(Ct));
        Assert.Equal(3, await f.Db.Set<EscalationNote>().CountAsync(Ct));
        var deletion = await f.Db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityType == EscalationService.EntityType && e.EntityId == due.Id.ToString() && e.Process == RetentionSchedule.Process, Ct);
        Assert.Equal(AuditAction.Deleted, deletion.Action);
        Assert.StartsWith("Retention rule Escalation: 6 years from the closure, then delete", deletion.Reason, StringComparison.Ordinal);
        Assert.True((await AuditTrail.VerifyAsync(f.Db, Ct)).Intact);
    }
}
