using Safeguard.Common;

namespace Safeguard.Escalations;

/// <summary>
/// A professional disagreement between two of the partnership's agencies (an escalation under the partnership's
/// resolution of professional disagreements policy): who raised it (agency, person, role), which agency it is raised
/// with, the child or family it concerns (optionally a link to the child's record, which then makes it part of the
/// child's record), its theme and the concern, the stages it went through (practitioner to practitioner, manager to
/// manager, senior manager or head of service, the partnership) each with its own resolution due date, and the
/// outcome, learning and closure. Only the two agencies and the partnership's business unit read it (ADR 0073).
/// </summary>
public sealed class Escalation : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>The last stage: the partnership (the independent scrutineer and the safeguarding partners).</summary>
    public const int LastStage = 4;

    public Guid RaisedByAgencyId { get; set; }

    /// <summary>The member of staff who raised it, when they are a user.</summary>
    public Guid? RaisedByUserId { get; set; }

    public required string RaisedByName { get; set; }

    /// <summary>Their role or job title (for example "designated safeguarding lead").</summary>
    public required string RaisedByRole { get; set; }

    /// <summary>The agency whose decision or practice is disagreed with.</summary>
    public Guid RaisedWithAgencyId { get; set; }

    /// <summary>The child's record, when linked: the escalation is then part of the child's record (audited, on the chronology, in a subject access export).</summary>
    public Guid? PersonId { get; set; }

    /// <summary>The child or family it concerns, in words (for example "the Smith children").</summary>
    public required string Subject { get; set; }

    public EscalationTheme Theme { get; set; }

    /// <summary>What the raiser disagrees with and what they ask for.</summary>
    public required string Concern { get; set; }

    /// <summary>The day it was raised: the start of stage 1.</summary>
    public DateOnly RaisedOn { get; set; }

    /// <summary>The stage it is at now (1 to 4); the last stage reached once closed.</summary>
    public int Stage { get; set; } = 1;

    /// <summary>The current stage's resolution due date (kept here so the lists are filtered and ordered in the database).</summary>
    public DateOnly CurrentDueOn { get; set; }

    public EscalationOutcome? Outcome { get; set; }

    /// <summary>What was agreed, or why it was not resolved or was withdrawn.</summary>
    public string? OutcomeNotes { get; set; }

    /// <summary>The learning for the partnership (for the annual report and the learning and improvement framework).</summary>
    public string? Learning { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? ClosedByName { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }

    public List<EscalationStage> Stages { get; set; } = [];

    /// <summary>Notes added to its stages (by either agency or the business unit), oldest first when read.</summary>
    public List<EscalationNote> Notes { get; set; } = [];

    public bool IsClosed => ClosedOn is not null;
}

/// <summary>
/// One stage of an escalation: when it started, who at each side (the raising agency's and the other agency's
/// person at that level), its resolution due date from the stage's working-day timescale, the other agency's
/// response, and the day it ended (escalated to the next stage, or closed).
/// </summary>
public sealed class EscalationStage : Entity
{
    public Guid EscalationId { get; set; }

    /// <summary>1 practitioner to practitioner, 2 manager to manager, 3 senior manager or head of service, 4 the partnership.</summary>
    public int Number { get; set; }

    public DateOnly StartedOn { get; set; }

    /// <summary>The last day to resolve it at this stage (timescale <c>escalation-stage-N</c> from <see cref="StartedOn"/>, in working days).</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>The raising agency's person at this stage.</summary>
    public Guid? RaisingUserId { get; set; }

    public required string RaisingName { get; set; }

    public required string RaisingRole { get; set; }

    /// <summary>The other agency's person at this stage, when a user (their due work shows the stage).</summary>
    public Guid? RespondingUserId { get; set; }

    public string? RespondingName { get; set; }

    public string? RespondingRole { get; set; }

    /// <summary>Why it was escalated to this stage (empty for stage 1: the concern says it).</summary>
    public string? Reason { get; set; }

    /// <summary>The other agency's response at this stage.</summary>
    public string? Response { get; set; }

    public DateOnly? RespondedOn { get; set; }

    /// <summary>The day the stage ended: escalated to the next, or the escalation closed.</summary>
    public DateOnly? EndedOn { get; set; }

    /// <summary>Stage 4 only: the day the partnership (the safeguarding partners' leads, with the business unit) met about it.</summary>
    public DateOnly? MeetingOn { get; set; }

    /// <summary>Stage 4 only: who took part in the partnership's meeting (names and roles, in words).</summary>
    public string? MeetingAttendees { get; set; }

    /// <summary>Stage 4 only: what the partnership decided at the meeting.</summary>
    public string? Decision { get; set; }

    /// <summary>True when the stage ended on or before its due date.</summary>
    public bool? EndedInTime => EndedOn is { } ended ? ended <= DueOn : null;
}

/// <summary>
/// A note added to one stage of an escalation (for example a telephone call, or a document received): the stage, the
/// text, who wrote it and when. Adding one raises the escalation's version, so two people adding at once are told.
/// </summary>
public sealed class EscalationNote : Entity
{
    public Guid EscalationId { get; set; }

    /// <summary>The stage (1 to 4) the note is about; one the escalation has reached.</summary>
    public int StageNumber { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset WrittenAt { get; set; }

    public Guid? WrittenByUserId { get; set; }

    public required string WrittenByName { get; set; }
}

/// <summary>What the disagreement is about (the themes partnerships report on).</summary>
public enum EscalationTheme
{
    ThresholdDecision,
    CaseClosure,
    PlanNotProgressing,
    InformationSharing,
    AttendanceAtMeetings,
    Referral,
    Assessment,
    Other,
}

/// <summary>How an escalation ended.</summary>
public enum EscalationOutcome
{
    /// <summary>Resolved: the agencies agreed a way forward.</summary>
    Resolved,

    /// <summary>Not resolved, even at the last stage.</summary>
    NotResolved,

    /// <summary>Withdrawn by the agency that raised it.</summary>
    Withdrawn,
}
