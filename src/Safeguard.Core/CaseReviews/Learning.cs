using Safeguard.Common;

namespace Safeguard.CaseReviews;

/// <summary>A learning theme from the controlled list the business unit maintains.</summary>
public sealed class LearningTheme : Entity
{
    public required string Name { get; set; }

    public bool IsActive { get; set; } = true;
}

/// <summary>What a review found, tagged with a learning theme so recurring themes show across reviews and years.</summary>
public sealed class Finding : Entity
{
    public Guid NotificationId { get; set; }

    public SeriousIncidentNotification? Notification { get; set; }

    public required string Text { get; set; }

    public Guid LearningThemeId { get; set; }

    public LearningTheme? LearningTheme { get; set; }

    public DateOnly RecordedOn { get; set; }
}

/// <summary>A recommendation from a review; the partnership implements it through actions.</summary>
public sealed class Recommendation : Entity
{
    public Guid NotificationId { get; set; }

    public SeriousIncidentNotification? Notification { get; set; }

    public Guid? FindingId { get; set; }

    public required string Text { get; set; }

    public DateOnly RecordedOn { get; set; }

    public List<ReviewAction> Actions { get; set; } = [];
}

/// <summary>
/// An action to implement a recommendation: an owning agency, an owner, a due date, its status, evidence
/// of completion and sign-off by the case review group. It can be declined only with a reason, which the
/// annual report gives.
/// </summary>
public sealed class ReviewAction : Entity
{
    public Guid RecommendationId { get; set; }

    public Recommendation? Recommendation { get; set; }

    public required string Description { get; set; }

    public Guid OwningAgencyId { get; set; }

    public Organisations.Agency? OwningAgency { get; set; }

    public required string Owner { get; set; }

    public DateOnly DueOn { get; set; }

    public ReviewActionStatus Status { get; set; }

    public string? Evidence { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public string? DeclinedReason { get; set; }

    public DateOnly? DeclinedOn { get; set; }

    public DateOnly? SignedOffOn { get; set; }

    public string? SignedOffBy { get; set; }

    /// <summary>Still to be done: not signed off and not declined.</summary>
    public bool IsOutstanding => Status is ReviewActionStatus.NotStarted or ReviewActionStatus.InProgress or ReviewActionStatus.Completed;

    /// <summary>Past its due date and not completed (a completed action waiting for sign-off is not overdue).</summary>
    public bool IsOverdue(DateOnly today) => Status is ReviewActionStatus.NotStarted or ReviewActionStatus.InProgress && today > DueOn;
}

public enum ReviewActionStatus
{
    NotStarted,
    InProgress,

    /// <summary>Done, with evidence, waiting for the case review group's sign-off.</summary>
    Completed,

    /// <summary>Completed and signed off by the case review group.</summary>
    SignedOff,

    /// <summary>The partnership decided not to implement it, with the reason.</summary>
    Declined,
}
