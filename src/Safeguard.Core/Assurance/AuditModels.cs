using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.Assurance;

/// <summary>Where a multi-agency audit stands.</summary>
public enum AuditStatus
{
    /// <summary>On the programme: the tool and the sample are being prepared.</summary>
    Planned,

    /// <summary>The agencies have been asked for their returns.</summary>
    ReturnsOpen,

    /// <summary>Concluded with findings.</summary>
    Completed,

    /// <summary>Concluded without a judgement (for example, too few returns from partners).</summary>
    Inconclusive,
}

/// <summary>How a sample of children's records is drawn.</summary>
public enum SampleCriterion
{
    /// <summary>Any child with a referral in the period, at random.</summary>
    Referred,

    /// <summary>Children whose child protection plan started in the period.</summary>
    ProtectionPlanStarted,

    /// <summary>Children with a missing episode that started in the period.</summary>
    MissingEpisode,
}

/// <summary>
/// A multi-agency audit on the partnership's programme for a reporting year: a theme, a tool (questions and a
/// grading scale), a sample of children's records, a return from each agency taking part for each child, the
/// moderator's grade beside each, findings tagged with learning themes, and actions on the partnership's tracker.
/// </summary>
public sealed class MultiAgencyAudit : Entity
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>The default grading scale, best first.</summary>
    public static readonly IReadOnlyList<string> DefaultScale = ["Outstanding", "Good", "Requires improvement", "Inadequate"];

    public required string Title { get; set; }

    /// <summary>What the audit looks at ("Neglect", "Children missing from home").</summary>
    public required string Theme { get; set; }

    /// <summary>The programme year (the reporting year starting 1 April of this year).</summary>
    public int YearStart { get; set; }

    public AuditStatus Status { get; set; }

    /// <summary>The grades, best first, one per line.</summary>
    public string Scale { get; set; } = string.Join('\n', DefaultScale);

    public DateOnly? ReturnsDueOn { get; set; }

    public string? Conclusion { get; set; }

    public DateOnly? ConcludedOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public List<AuditQuestion> Questions { get; } = [];

    public ReportingYear Year => new(YearStart);

    public IReadOnlyList<string> Grades => [.. Scale.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public bool IsConcluded => Status is AuditStatus.Completed or AuditStatus.Inconclusive;
}

/// <summary>A question of an audit's tool.</summary>
public sealed class AuditQuestion : Entity
{
    public Guid AuditId { get; set; }

    public int Number { get; set; }

    public required string Text { get; set; }
}

/// <summary>A child's record in an audit's sample, with the moderator's grade once moderated.</summary>
public sealed class AuditCase : Entity
{
    public Guid AuditId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The case's number in the audit (1, 2, ...): how the case is named in figures and minutes.</summary>
    public int Number { get; set; }

    /// <summary>How the case came into the sample ("Child protection plan started 1 April 2026 to 30 June 2026, at random").</summary>
    public required string SampledBy { get; set; }

    public string? ModeratorGrade { get; set; }

    public string? ModerationNote { get; set; }

    public string? ModeratedBy { get; set; }

    public DateOnly? ModeratedOn { get; set; }
}

/// <summary>One agency's return for one case of an audit: its answers to the tool, its grade and its evidence.</summary>
public sealed class AuditReturn : Entity
{
    public Guid AuditId { get; set; }

    public Guid CaseId { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public DateOnly DueOn { get; set; }

    public string? Grade { get; set; }

    public string? Evidence { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? SubmittedBy { get; set; }

    public List<AuditAnswer> Answers { get; } = [];

    public bool IsSubmitted => SubmittedAt is not null;
}

/// <summary>An agency's answer to one question of the tool, for one case.</summary>
public sealed class AuditAnswer : Entity
{
    public Guid ReturnId { get; set; }

    public Guid QuestionId { get; set; }

    public required string Text { get; set; }
}

/// <summary>What an audit found, tagged with a learning theme so a theme repeating across audits and reviews shows.</summary>
public sealed class AuditFinding : Entity
{
    public Guid AuditId { get; set; }

    public required string Text { get; set; }

    public Guid LearningThemeId { get; set; }

    public LearningTheme? LearningTheme { get; set; }

    public DateOnly RecordedOn { get; set; }
}

/// <summary>
/// An action from an audit (or a self-assessment): an owning agency, an owner, a due date and its progress, with
/// the same statuses as a case review's actions, listed on the same "closing the loop" tracker.
/// </summary>
public sealed class AssuranceAction : Entity
{
    public Guid AuditId { get; set; }

    public required string Description { get; set; }

    public Guid OwningAgencyId { get; set; }

    public Agency? OwningAgency { get; set; }

    public required string Owner { get; set; }

    public DateOnly DueOn { get; set; }

    public ReviewActionStatus Status { get; set; }

    public string? Evidence { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public bool IsOutstanding => Status is ReviewActionStatus.NotStarted or ReviewActionStatus.InProgress or ReviewActionStatus.Completed;

    public bool IsOverdue(DateOnly today) => Status is ReviewActionStatus.NotStarted or ReviewActionStatus.InProgress && today > DueOn;
}
