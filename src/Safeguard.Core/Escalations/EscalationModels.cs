using Safeguard.Timescales;

namespace Safeguard.Escalations;

/// <summary>A new escalation as typed. Null is "not given".</summary>
public sealed record NewEscalation
{
    public Guid? RaisedWithAgencyId { get; init; }

    /// <summary>The raiser's role or job title.</summary>
    public string? RaisedByRole { get; init; }

    /// <summary>The other agency's practitioner at stage 1, when they are a user.</summary>
    public Guid? RespondingUserId { get; init; }

    /// <summary>The other agency's practitioner at stage 1 in words, when not a user.</summary>
    public string? RespondingName { get; init; }

    public Guid? PersonId { get; init; }

    public string? Subject { get; init; }

    public EscalationTheme? Theme { get; init; }

    public string? Concern { get; init; }

    public DateOnly? RaisedOn { get; init; }
}

/// <summary>A change to what an escalation is about.</summary>
public sealed record EscalationChange(string? Subject, EscalationTheme? Theme, string? Concern);

/// <summary>The other agency's response at the current stage.</summary>
public sealed record EscalationResponse(string? Response, DateOnly? RespondedOn);

/// <summary>Escalating to the next stage: when, why, and who at each side at the new level.</summary>
public sealed record EscalationStep
{
    public DateOnly? StartedOn { get; init; }

    public string? Reason { get; init; }

    public string? RaisingName { get; init; }

    public string? RaisingRole { get; init; }

    public Guid? RespondingUserId { get; init; }

    public string? RespondingName { get; init; }

    public string? RespondingRole { get; init; }
}

/// <summary>The outcome, learning and the day it closed.</summary>
public sealed record EscalationClosure(EscalationOutcome? Outcome, DateOnly? ClosedOn, string? Notes, string? Learning);

/// <summary>The partnership's meeting at stage 4: the day, who took part and what was decided.</summary>
public sealed record PartnershipMeeting(DateOnly? MeetingOn, string? Attendees, string? Decision);

/// <summary>An escalation as shown: the record, the agencies' and child's names, and the current stage's deadline.</summary>
public sealed record EscalationView(
    Escalation Escalation,
    string RaisedByAgency,
    string RaisedWithAgency,
    string? ChildName,
    DeadlineAssessment? Current)
{
    public bool IsOverdue => Current?.Status == DeadlineStatus.Overdue;
}

/// <summary>Which escalations a list shows.</summary>
public enum EscalationStatus
{
    Open,
    Closed,
    All,
}

/// <summary>What a list is narrowed to.</summary>
public sealed record EscalationFilter
{
    public EscalationStatus Status { get; init; }

    /// <summary>Only those at this stage now.</summary>
    public int? Stage { get; init; }

    /// <summary>Only those raised by or with this agency.</summary>
    public Guid? AgencyId { get; init; }

    public EscalationTheme? Theme { get; init; }

    /// <summary>Only open ones past their current stage's due date.</summary>
    public bool OverdueOnly { get; init; }
}

/// <summary>One line of a figures table: a label, how many, and how many of those were resolved within the timescale.</summary>
public sealed record EscalationFigureLine(string Label, int Count);

/// <summary>One stage's figures in a year: stages started, ended, ended within the stage's timescale.</summary>
public sealed record StageFigures(int Stage, string Name, int Started, int Ended, int EndedInTime)
{
    public decimal? InTimeRate => Ended == 0 ? null : Math.Round(100m * EndedInTime / Ended, 1);
}

/// <summary>
/// The escalations of a reporting year (April to March), for the annual report: raised in the year by raising agency,
/// by the agency raised with, by theme and by the highest stage reached; closed in the year by outcome and how many of
/// those were resolved within the timescale of every stage they went through; each stage's timeliness.
/// </summary>
public sealed record EscalationFigures(
    string Year,
    int Raised,
    int RaisedLastYear,
    int Open,
    int OpenOverdue,
    IReadOnlyList<EscalationFigureLine> ByRaisingAgency,
    IReadOnlyList<EscalationFigureLine> ByAgencyRaisedWith,
    IReadOnlyList<EscalationFigureLine> ByTheme,
    IReadOnlyList<EscalationFigureLine> ByHighestStage,
    IReadOnlyList<EscalationFigureLine> ByOutcome,
    int Closed,
    int ClosedWithinTimescale,
    int ResolvedByStage2,
    IReadOnlyList<StageFigures> Stages)
{
    /// <summary>Closed in the year with every stage ended within its timescale, as a share of those closed.</summary>
    public decimal? WithinTimescaleRate => Closed == 0 ? null : Math.Round(100m * ClosedWithinTimescale / Closed, 1);

    /// <summary>Resolved at stage 1 or 2, as a share of those closed.</summary>
    public decimal? ResolvedByStage2Rate => Closed == 0 ? null : Math.Round(100m * ResolvedByStage2 / Closed, 1);
}

/// <summary>Words for the escalation codes.</summary>
public static class EscalationText
{
    public static string StageName(int stage) => stage switch
    {
        1 => "Stage 1: practitioner to practitioner",
        2 => "Stage 2: manager to manager",
        3 => "Stage 3: senior manager or head of service",
        4 => "Stage 4: the partnership",
        _ => $"Stage {stage}",
    };

    public static string Describe(EscalationTheme theme) => theme switch
    {
        EscalationTheme.ThresholdDecision => "Threshold decision",
        EscalationTheme.CaseClosure => "Case closure or step-down",
        EscalationTheme.PlanNotProgressing => "Plan not progressing",
        EscalationTheme.InformationSharing => "Information sharing",
        EscalationTheme.AttendanceAtMeetings => "Attendance at meetings",
        EscalationTheme.Referral => "Referral not made or not accepted",
        EscalationTheme.Assessment => "Assessment",
        _ => "Other",
    };

    public static string Describe(EscalationOutcome outcome) => outcome switch
    {
        EscalationOutcome.Resolved => "Resolved (agreed)",
        EscalationOutcome.NotResolved => "Not resolved",
        _ => "Withdrawn",
    };

    /// <summary>The timescale that sets a stage's resolution due date.</summary>
    public static string RuleFor(int stage) => $"escalation-stage-{stage}";
}
