using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.ImprovementPlan;

/// <summary>How often the plan's progress is rated and reported.</summary>
public enum ReportingFrequency
{
    /// <summary>Each quarter of the reporting year (Q1 April to June … Q4 January to March).</summary>
    Quarterly,

    /// <summary>Each calendar month.</summary>
    Monthly,
}

/// <summary>
/// The five ratings of the plan's progress report, in the words of the partnership's improvement plan: red, amber and
/// green for delivery, blue for finished, and not started.
/// </summary>
public enum ProgressRating
{
    /// <summary>Red: major issues identified which may prevent priority outputs being delivered as expected.</summary>
    MajorIssues,

    /// <summary>Amber: issues identified which may delay the progress and require action but do not threaten overall delivery.</summary>
    IssuesMayDelay,

    /// <summary>Green: on track to deliver the programme, work stream or output as expected.</summary>
    OnTrack,

    /// <summary>Blue: finished, the work stream or output successfully completed.</summary>
    Finished,

    /// <summary>Not started.</summary>
    NotStarted,
}

/// <summary>What a rating is about: an outcome of the plan, a workstream or one of its milestones or actions.</summary>
public enum RatedItemKind
{
    Outcome,
    Workstream,
    Action,
}

/// <summary>A dated step of a workstream: a milestone (a point reached) or an action (a piece of work done by its owner).</summary>
public enum PlanActionKind
{
    Milestone,
    Action,
}

/// <summary>Where a milestone or action stands.</summary>
public enum PlanActionStatus
{
    NotStarted,
    InProgress,
    Completed,
}

/// <summary>
/// The partnership's improvement plan (for example "Improvement plan 2025-27"): its outcomes, each delivered through
/// workstreams with a lead, their milestones and actions, and a rating of each for every reporting period.
/// </summary>
public sealed class Plan : Entity
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    public required string Title { get; set; }

    public DateOnly StartsOn { get; set; }

    public DateOnly EndsOn { get; set; }

    public ReportingFrequency Frequency { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public List<PlanOutcome> Outcomes { get; } = [];
}

/// <summary>One of the plan's numbered outcomes, under a theme ("Create the conditions for good practice").</summary>
public sealed class PlanOutcome : Entity
{
    public Guid PlanId { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public string? Theme { get; set; }

    public List<Workstream> Workstreams { get; } = [];
}

/// <summary>A workstream of an outcome, led by a named person of a partner agency.</summary>
public sealed class Workstream : Entity
{
    public Guid PlanId { get; set; }

    public Guid OutcomeId { get; set; }

    public required string Title { get; set; }

    public Guid LeadUserId { get; set; }

    public required string LeadName { get; set; }

    public Guid LeadAgencyId { get; set; }

    public Agency? LeadAgency { get; set; }

    /// <summary>The "impact of activity so far" the lead reports.</summary>
    public string? Impact { get; set; }

    public List<PlanAction> Actions { get; } = [];
}

/// <summary>A milestone or action of a workstream: due date, owner (a person and their agency) and status.</summary>
public sealed class PlanAction : Entity
{
    public Guid PlanId { get; set; }

    public Guid WorkstreamId { get; set; }

    public PlanActionKind Kind { get; set; }

    public required string Title { get; set; }

    public DateOnly DueOn { get; set; }

    public Guid OwnerUserId { get; set; }

    public required string OwnerName { get; set; }

    public Guid OwnerAgencyId { get; set; }

    public Agency? OwnerAgency { get; set; }

    public PlanActionStatus Status { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public bool IsOverdue(DateOnly today) => Status != PlanActionStatus.Completed && today > DueOn;

    /// <summary>Completed by its due date.</summary>
    public bool MetOnTime => CompletedOn is { } done && done <= DueOn;
}

/// <summary>
/// One rating of an outcome, workstream or action for a reporting period. Ratings are never changed or removed: a new
/// rating for the same period supersedes the last, and the history keeps who rated what and when.
/// </summary>
public sealed class PlanRating : Entity
{
    public Guid PlanId { get; set; }

    public RatedItemKind ItemKind { get; set; }

    public Guid ItemId { get; set; }

    /// <summary>The period's key ("2026-Q3" for 2026-27 Q3, "2026-11" for November 2026).</summary>
    public required string Period { get; set; }

    public ProgressRating Rating { get; set; }

    public string? Commentary { get; set; }

    public DateTimeOffset RatedAt { get; set; }

    public Guid? RatedByUserId { get; set; }

    public required string RatedBy { get; set; }

    /// <summary>The rating this one supersedes for the same item and period (null for the first).</summary>
    public Guid? SupersedesId { get; set; }
}

/// <summary>An evidence note on a workstream or one of its actions, kept as written.</summary>
public sealed class PlanEvidenceNote : Entity
{
    public Guid PlanId { get; set; }

    public Guid WorkstreamId { get; set; }

    public Guid? ActionId { get; set; }

    public required string Text { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>The plan's key achievements, key challenges and upcoming milestones for a reporting period, as the progress report gives them.</summary>
public sealed class PlanPeriodSummary : Entity
{
    public Guid PlanId { get; set; }

    public required string Period { get; set; }

    public string? KeyAchievements { get; set; }

    public string? KeyChallenges { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}
