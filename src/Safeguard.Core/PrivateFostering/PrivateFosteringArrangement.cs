using Safeguard.Common;

namespace Safeguard.PrivateFostering;

/// <summary>
/// A private fostering arrangement as notified to the council: a child under 16 (18 if disabled) cared for for 28 days
/// or more by someone who is not a parent, a person with parental responsibility or a close relative, by private
/// arrangement between the parent and the carer. Recorded from the notification; the first visit is due within 7
/// working days of it, then visits at most 6 weeks apart in the arrangement's first year and 12 weeks apart after
/// (Children (Private Arrangements for Fostering) Regulations 2005, regulation 8). The assessment ends in a decision
/// (suitable, or not suitable with the reason); the arrangement ends with its reason.
/// </summary>
public sealed class PrivateFosteringArrangement : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>The child, from the person index.</summary>
    public Guid PersonId { get; set; }

    /// <summary>The private foster carer(s).</summary>
    public required string CarerName { get; set; }

    /// <summary>Where the child lives with the carer.</summary>
    public string? CarerAddress { get; set; }

    /// <summary>The child's parent(s) or those with parental responsibility, and how to reach them.</summary>
    public required string Parents { get; set; }

    /// <summary>Who notified the council (parent, carer, school, health, other).</summary>
    public PrivateFosteringNotifier NotifiedBy { get; set; }

    /// <summary>The name (and organisation) of whoever notified.</summary>
    public required string NotifiedByName { get; set; }

    /// <summary>The date the council received the notification: the first visit's clock starts here.</summary>
    public DateOnly NotifiedOn { get; set; }

    /// <summary>When the arrangement started (or is to start: a proposed arrangement is notified in advance).</summary>
    public DateOnly StartedOn { get; set; }

    /// <summary>How long the arrangement is expected to last, as the parent and carer describe it.</summary>
    public string? ExpectedLength { get; set; }

    /// <summary>The date the assessment was completed and the decision made; null while the assessment is open.</summary>
    public DateOnly? DecidedOn { get; set; }

    public PrivateFosteringDecision? Decision { get; set; }

    /// <summary>Why the arrangement was found not suitable (required then), or anything the decision maker added.</summary>
    public string? DecisionReason { get; set; }

    /// <summary>The date the arrangement ended; null while it lasts.</summary>
    public DateOnly? EndedOn { get; set; }

    public PrivateFosteringEndReason? EndReason { get; set; }

    public string? EndNote { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }

    public List<PrivateFosteringVisit> Visits { get; } = [];

    public bool IsOpen => EndedOn is null;
}

/// <summary>A statutory visit to the privately fostered child.</summary>
public sealed class PrivateFosteringVisit : Entity
{
    public Guid ArrangementId { get; set; }

    public DateOnly VisitedOn { get; set; }

    /// <summary>The child was seen.</summary>
    public bool ChildSeen { get; set; }

    /// <summary>The child was seen alone (regulation 8(2): unless the child, being of sufficient understanding, refuses).</summary>
    public bool ChildSeenAlone { get; set; }

    /// <summary>Who visited.</summary>
    public required string VisitedBy { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }
}

/// <summary>Who notified the council of the arrangement.</summary>
public enum PrivateFosteringNotifier
{
    Parent,
    Carer,
    School,
    Health,
    Other,
}

/// <summary>The outcome of the assessment of the arrangement.</summary>
public enum PrivateFosteringDecision
{
    Suitable,
    NotSuitable,
}

/// <summary>Why the arrangement ended.</summary>
public enum PrivateFosteringEndReason
{
    ReturnedToParents,

    /// <summary>The carer gained parental responsibility (a child arrangements or special guardianship order).</summary>
    CarerGainedParentalResponsibility,

    /// <summary>The child became looked after.</summary>
    BecameLookedAfter,

    /// <summary>The child reached 16 (18 if disabled): no longer privately fostered.</summary>
    ReachedAge,

    /// <summary>The child and carer moved to another council's area.</summary>
    MovedAway,

    /// <summary>The arrangement was found not suitable and was brought to an end.</summary>
    NotSuitable,

    Other,
}
