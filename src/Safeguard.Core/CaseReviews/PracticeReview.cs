using Safeguard.Common;

namespace Safeguard.CaseReviews;

/// <summary>
/// A local child safeguarding practice review (LCSPR) or a local learning review commissioned after a rapid
/// review: the reviewer, terms of reference, involvement of practitioners and family, the draft and final
/// reports (target: within 6 months of the start, the <c>lcspr</c> timescale), the publication decision and
/// the dates the report went to the Panel, the Secretary of State and Ofsted.
/// </summary>
public sealed class PracticeReview : Entity
{
    public Guid NotificationId { get; set; }

    public SeriousIncidentNotification? Notification { get; set; }

    public PracticeReviewKind Kind { get; set; }

    public required string Reviewer { get; set; }

    public string TermsOfReference { get; set; } = "";

    public DateOnly StartedOn { get; set; }

    public string? PractitionerInvolvement { get; set; }

    public string? FamilyInvolvement { get; set; }

    public DateOnly? DraftReportOn { get; set; }

    public DateOnly? FinalReportOn { get; set; }

    /// <summary>Null until the decision is made.</summary>
    public bool? Publish { get; set; }

    public string? PublicationReasons { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public DateOnly? SentToPanelOn { get; set; }

    public DateOnly? SentToSecretaryOfStateOn { get; set; }

    public DateOnly? SentToOfstedOn { get; set; }

    /// <summary>Concluded: the final report is in, the publication decision made and the report sent to the Panel, the Secretary of State and Ofsted.</summary>
    public bool IsConcluded =>
        FinalReportOn is not null && Publish is not null && SentToPanelOn is not null && SentToSecretaryOfStateOn is not null && SentToOfstedOn is not null;

    /// <summary>The date the review concluded: the latest of the steps above.</summary>
    public DateOnly? ConcludedOn => IsConcluded
        ? new[] { FinalReportOn!.Value, SentToPanelOn!.Value, SentToSecretaryOfStateOn!.Value, SentToOfstedOn!.Value, PublishedOn ?? DateOnly.MinValue }.Max()
        : null;
}

public enum PracticeReviewKind
{
    LocalChildSafeguardingPracticeReview,
    LocalLearningReview,
}
