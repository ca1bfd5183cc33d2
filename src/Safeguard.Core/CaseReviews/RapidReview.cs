using Safeguard.Common;

namespace Safeguard.CaseReviews;

/// <summary>
/// The rapid review of a notified incident, run to the day plan of the partnership's Rapid Review Process:
/// requests for information, the meeting, the recommendation, sign-off by the three safeguarding partners,
/// and sending to the National Panel and the case review group. Day N is the N-th working day after the
/// date the Panel was notified.
/// </summary>
public sealed class RapidReview : Entity
{
    public Guid NotificationId { get; set; }

    public SeriousIncidentNotification? Notification { get; set; }

    /// <summary>The date the day plan counts from (the date the Panel was notified).</summary>
    public DateOnly NotifiedOn { get; set; }

    public List<InformationRequest> InformationRequests { get; set; } = [];

    public DateOnly? MeetingOn { get; set; }

    public List<RapidReviewAttendee> Attendees { get; set; } = [];

    public string? Discussion { get; set; }

    public string? ImmediateSafetyActions { get; set; }

    public RapidReviewOutcome? Recommendation { get; set; }

    public string? RecommendationRationale { get; set; }

    public DateOnly? RecommendedOn { get; set; }

    public List<RapidReviewSignature> Signatures { get; set; } = [];

    /// <summary>The date the signed recommendation was sent to the Panel and the case review group: the review is then complete.</summary>
    public DateOnly? SentToPanelOn { get; set; }

    public bool IsComplete => SentToPanelOn is not null;
}

/// <summary>What the rapid review recommends.</summary>
public enum RapidReviewOutcome
{
    LocalChildSafeguardingPracticeReview,
    LocalLearningReview,
    ReferralForNationalReview,
    NoFurtherReview,
}

/// <summary>A request for information sent to one member agency on day 1, due back by day 10.</summary>
public sealed class InformationRequest : Entity
{
    public Guid RapidReviewId { get; set; }

    public Guid AgencyId { get; set; }

    public Organisations.Agency? Agency { get; set; }

    public DateOnly RequestedOn { get; set; }

    /// <summary>Day 10 of the day plan.</summary>
    public DateOnly DueOn { get; set; }

    public DateOnly? ReceivedOn { get; set; }

    public string? ResponseText { get; set; }

    public Guid? DocumentId { get; set; }

    /// <summary>Received after the due date, or not received and the due date has passed.</summary>
    public bool IsLate(DateOnly today) => ReceivedOn is { } received ? received > DueOn : today > DueOn;
}

/// <summary>Who attended the rapid review meeting, and for which agency.</summary>
public sealed class RapidReviewAttendee : Entity
{
    public Guid RapidReviewId { get; set; }

    public Guid AgencyId { get; set; }

    public Organisations.Agency? Agency { get; set; }

    public required string Name { get; set; }
}

/// <summary>One statutory partner's signature on the recommendation; one per partner.</summary>
public sealed class RapidReviewSignature : Entity
{
    public Guid RapidReviewId { get; set; }

    public Organisations.StatutoryPartner Partner { get; set; }

    public Guid UserId { get; set; }

    public required string SignedByName { get; set; }

    public Guid AgencyId { get; set; }

    public DateTimeOffset SignedAt { get; set; }

    public DateOnly SignedOn { get; set; }
}
