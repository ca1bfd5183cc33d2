using Safeguard.Common;

namespace Safeguard.CaseReviews;

/// <summary>
/// A serious incident the council became aware of, and the case every review of it hangs from. It carries
/// the case reference in the local style (a letter and a two-digit year, like E21), the criteria, the
/// decision that it is notifiable and the date the National Child Safeguarding Practice Review Panel was
/// notified (due within 5 working days of becoming aware: the <c>panel-notification</c> timescale).
/// </summary>
public sealed class SeriousIncidentNotification : Entity
{
    /// <summary>The local case reference, for example E21 (letter, then the two-digit year the council became aware).</summary>
    public required string Reference { get; set; }

    /// <summary>The date the council became aware of the incident.</summary>
    public DateOnly AwareOn { get; set; }

    /// <summary>How the child is known on the review (initials or a pseudonym, as the partnership publishes).</summary>
    public required string ChildName { get; set; }

    /// <summary>Link to the child in the person index, when the child has a record there (optional).</summary>
    public Guid? ChildPersonId { get; set; }

    public string Summary { get; set; } = "";

    /// <summary>Abuse or neglect is known or suspected.</summary>
    public bool AbuseOrNeglectKnownOrSuspected { get; set; }

    /// <summary>The child died or was seriously harmed.</summary>
    public IncidentHarm Harm { get; set; }

    /// <summary>The child was looked after (a looked-after child's death is always notified).</summary>
    public bool ChildWasLookedAfter { get; set; }

    /// <summary>The decision that the incident is notifiable; null until it is made.</summary>
    public bool? DecidedNotifiable { get; set; }

    public string? DecisionAgreedBy { get; set; }

    public DateOnly? DecidedOn { get; set; }

    /// <summary>The date the National Panel was notified. The rapid review day plan is dated from it.</summary>
    public DateOnly? PanelNotifiedOn { get; set; }

    /// <summary>When this case is a re-submission of an earlier one (Q21 of D21).</summary>
    public Guid? ResubmissionOfId { get; set; }

    public SeriousIncidentNotification? ResubmissionOf { get; set; }

    public RapidReview? RapidReview { get; set; }

    public List<PracticeReview> PracticeReviews { get; set; } = [];

    public List<Finding> Findings { get; set; } = [];

    public List<Recommendation> Recommendations { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether the criteria of Children Act 2004 s16C (or a looked-after child's death) are met.</summary>
    public bool MeetsNotificationCriteria => NotificationCriteria.AreMet(AbuseOrNeglectKnownOrSuspected, Harm, ChildWasLookedAfter);

    /// <summary>"Q21 (re-submission of D21)" or "E21".</summary>
    public string DisplayReference => ResubmissionOf is null ? Reference : $"{Reference} (re-submission of {ResubmissionOf.Reference})";
}

/// <summary>What happened to the child.</summary>
public enum IncidentHarm
{
    /// <summary>Not recorded yet.</summary>
    NotKnown,
    Died,
    SeriouslyHarmed,
    NeitherDiedNorSeriouslyHarmed,
}

/// <summary>The notification criteria in one place.</summary>
public static class NotificationCriteria
{
    /// <summary>
    /// Notifiable when abuse or neglect is known or suspected and the child died or was seriously harmed
    /// (Children Act 2004 s16C); a looked-after child's death is always notified.
    /// </summary>
    public static bool AreMet(bool abuseOrNeglect, IncidentHarm harm, bool lookedAfter) =>
        (abuseOrNeglect && harm is IncidentHarm.Died or IncidentHarm.SeriouslyHarmed)
        || (lookedAfter && harm == IncidentHarm.Died);
}
