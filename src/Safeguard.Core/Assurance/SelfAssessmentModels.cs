using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.Assurance;

/// <summary>Which duty a self-assessment round checks.</summary>
public enum SelfAssessmentKind
{
    /// <summary>Section 11 of the Children Act 2004: the agencies' arrangements to safeguard and promote the welfare of children.</summary>
    Section11,

    /// <summary>Section 175 of the Education Act 2002 (section 157 for independent schools): schools' and colleges' safeguarding arrangements.</summary>
    Section175,
}

/// <summary>Where a self-assessment round stands.</summary>
public enum SelfAssessmentStatus
{
    /// <summary>The standard is being prepared; nothing is sent yet.</summary>
    Draft,

    /// <summary>Sent to the agencies: returns are being answered.</summary>
    Open,

    /// <summary>Closed: no more returns are taken.</summary>
    Closed,
}

/// <summary>A red, amber or green self-rating against a question of the standard.</summary>
public enum RagRating
{
    Red,
    Amber,
    Green,
}

/// <summary>What a challenge session decided about an agency's answer.</summary>
public enum ChallengeOutcome
{
    /// <summary>The self-rating and its evidence were accepted as they stand.</summary>
    Accepted,

    /// <summary>The panel changed the rating (usually downwards: the evidence did not bear it out).</summary>
    RatingChanged,

    /// <summary>An action was added for the agency, on the partnership's tracker.</summary>
    ActionAdded,
}

/// <summary>
/// A round of section 11 or section 175 self-assessment for a reporting year: its standard (questions grouped by
/// standard, editable by the business unit while the round is a draft), the agencies or schools asked and the due date.
/// </summary>
public sealed class SelfAssessmentRound : Entity
{
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 4000;

    public required string Title { get; set; }

    public SelfAssessmentKind Kind { get; set; }

    /// <summary>The reporting year starting 1 April of this year.</summary>
    public int YearStart { get; set; }

    public SelfAssessmentStatus Status { get; set; }

    public DateOnly? DueOn { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public List<SelfAssessmentQuestion> Questions { get; } = [];

    public ReportingYear Year => new(YearStart);
}

/// <summary>A question of a round's standard, under one of the standard's numbered headings.</summary>
public sealed class SelfAssessmentQuestion : Entity
{
    public Guid RoundId { get; set; }

    /// <summary>The standard's number (1 to 8 for section 11).</summary>
    public int StandardNumber { get; set; }

    public required string StandardTitle { get; set; }

    /// <summary>The question's number within its standard (1.1, 1.2: this is the 1 and the 2).</summary>
    public int Number { get; set; }

    public required string Text { get; set; }

    public string Reference => $"{StandardNumber}.{Number}";
}

/// <summary>One agency's (or school's) self-assessment return for a round.</summary>
public sealed class SelfAssessmentReturn : Entity
{
    public Guid RoundId { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The sector the return is counted under (a school's phase, otherwise the agency's type), kept as asked.</summary>
    public required string Sector { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? SubmittedBy { get; set; }

    public int Reminders { get; set; }

    public DateOnly? LastRemindedOn { get; set; }

    public List<SelfAssessmentAnswer> Answers { get; } = [];

    public bool IsSubmitted => SubmittedAt is not null;
}

/// <summary>An agency's answer to one question: its RAG self-rating, its evidence and its own action, and the rating agreed at challenge.</summary>
public sealed class SelfAssessmentAnswer : Entity
{
    public Guid ReturnId { get; set; }

    public Guid QuestionId { get; set; }

    public RagRating? Rating { get; set; }

    public string? Evidence { get; set; }

    /// <summary>What the agency will do to improve (expected for red and amber ratings).</summary>
    public string? Action { get; set; }

    /// <summary>The rating after challenge, when the challenge session changed it.</summary>
    public RagRating? AgreedRating { get; set; }

    public RagRating? FinalRating => AgreedRating ?? Rating;
}

/// <summary>What a challenge session decided about one answer of a return.</summary>
public sealed class SelfAssessmentChallenge : Entity
{
    public Guid ReturnId { get; set; }

    public Guid QuestionId { get; set; }

    public DateOnly HeldOn { get; set; }

    public ChallengeOutcome Outcome { get; set; }

    public RagRating? RatingBefore { get; set; }

    public RagRating? RatingAfter { get; set; }

    public string? Note { get; set; }

    public required string RecordedBy { get; set; }
}

/// <summary>An action from a self-assessment's challenge, on the partnership's "closing the loop" tracker with the reviews' and audits' actions.</summary>
public sealed class SelfAssessmentAction : Entity
{
    public Guid RoundId { get; set; }

    public Guid ReturnId { get; set; }

    public Guid QuestionId { get; set; }

    public required string Description { get; set; }

    public Guid OwningAgencyId { get; set; }

    public Agency? OwningAgency { get; set; }

    public required string Owner { get; set; }

    public DateOnly DueOn { get; set; }

    public ReviewActionStatus Status { get; set; }

    public string? Evidence { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public bool IsOverdue(DateOnly today) => Status is ReviewActionStatus.NotStarted or ReviewActionStatus.InProgress && today > DueOn;
}
