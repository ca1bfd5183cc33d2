using Safeguard.Auditing;
using Safeguard.Common;

namespace Safeguard.Escalations;

/// <summary>
/// What the partnership does with an escalation: at stage 4 the business unit records the partnership's meeting (the day,
/// who took part, the decision), then the outcome and learning through <see cref="CloseAsync"/>; anyone who may act on it
/// adds a note to any stage it has reached. Both are audited and carry the version read.
/// </summary>
public sealed partial class EscalationService
{
    public const int MaxNotesPerEscalation = 200;

    /// <summary>True when the actor is a member of staff acting for the business unit (reach over every escalation), not the command line.</summary>
    private static bool IsBusinessUnit(EscalationReach reach, Actor actor) => reach == EscalationReach.All && actor.UserId is not null;

    /// <summary>
    /// Records (or corrects) the partnership's meeting at stage 4: the business unit or the command line only, while the
    /// escalation is open at stage 4; refused, naming the field, for a missing or impossible date, no attendees or no decision.
    /// </summary>
    public async Task RecordMeetingAsync(Guid id, int version, PartnershipMeeting meeting, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var (escalation, reach) = await ForChangeAsync(id, actor, cancellationToken);
        if (reach != EscalationReach.All)
        {
            throw new SafeguardValidationException("MeetingOn", "Only the partnership's business unit records the partnership's meeting at stage 4");
        }

        if (escalation.Stage < Escalation.LastStage)
        {
            throw new SafeguardValidationException("MeetingOn", $"The escalation is at stage {escalation.Stage}: the partnership meets about it at stage 4. Escalate it first.");
        }

        var stage = Current(escalation);
        var problems = new List<ValidationProblem>();
        DateOnStage(problems, "MeetingOn", meeting.MeetingOn, stage, "meeting");
        Required(problems, "Attendees", meeting.Attendees, "Enter who took part in the meeting", Escalation.MaxTextLength);
        Required(problems, "Decision", meeting.Decision, "Enter what the partnership decided", Escalation.MaxTextLength);
        RecordKeeping.ThrowIfAny(problems);
        using (db.BeginProcess("Escalations.PartnershipMeeting", actor))
        {
            db.Entry(escalation).Property(e => e.Version).OriginalValue = version;
            stage.MeetingOn = meeting.MeetingOn;
            stage.MeetingAttendees = meeting.Attendees!.Trim();
            stage.Decision = meeting.Decision!.Trim();
            escalation.Version++;
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Adds a note to a stage the escalation has reached (either agency, the business unit, or the command line), open or
    /// closed; the escalation's version is raised, so a note added from a page read before another change is refused.
    /// </summary>
    public async Task<EscalationNote> AddNoteAsync(Guid id, int version, int? stageNumber, string? text, Actor actor, CancellationToken cancellationToken = default)
    {
        var (escalation, _) = await ForChangeAsync(id, actor, cancellationToken, allowClosed: true);
        var problems = new List<ValidationProblem>();
        if (stageNumber is not { } number)
        {
            problems.Add(new("StageNumber", "Select the stage the note is about"));
        }
        else if (number < 1 || number > escalation.Stage)
        {
            problems.Add(new("StageNumber", $"Select a stage the escalation has reached (1 to {escalation.Stage})"));
        }

        Required(problems, "Text", text, "Enter the note", Escalation.MaxTextLength);
        if (escalation.Notes.Count >= MaxNotesPerEscalation)
        {
            problems.Add(new("Text", $"An escalation holds at most {MaxNotesPerEscalation} notes"));
        }

        RecordKeeping.ThrowIfAny(problems);
        var note = new EscalationNote
        {
            EscalationId = escalation.Id,
            StageNumber = stageNumber!.Value,
            Text = text!.Trim(),
            WrittenAt = db.Time.GetUtcNow(),
            WrittenByUserId = actor.UserId,
            WrittenByName = RecordKeeping.Fit(actor.Name, Escalation.MaxNameLength),
        };
        using (db.BeginProcess("Escalations.Note", actor))
        {
            db.Entry(escalation).Property(e => e.Version).OriginalValue = version;
            db.Add(note);
            escalation.Version++;
            await db.SaveAndClearAsync(cancellationToken);
        }

        return note;
    }
}
