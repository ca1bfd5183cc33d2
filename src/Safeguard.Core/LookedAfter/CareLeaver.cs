using Safeguard.Common;

namespace Safeguard.LookedAfter;

/// <summary>
/// What the council keeps about a young person as a care leaver beyond their care history: their personal adviser and
/// whether they will need adult services (flagged from 16, so the transition is planned; seed 002's spreadsheet of
/// 16-year-olds kept outside the case system). One per young person, created when first recorded.
/// </summary>
public sealed class CareLeaver : Entity
{
    public const int MaxTextLength = 2000;

    public Guid PersonId { get; set; }

    /// <summary>The personal adviser (a member of children's social care).</summary>
    public Guid? PersonalAdviserUserId { get; set; }

    public string? PersonalAdviserName { get; set; }

    /// <summary>Whether the young person is likely to need adult services: null until it has been considered.</summary>
    public bool? NeedsAdultServices { get; set; }

    /// <summary>Which adult services, the referral made, or why not.</summary>
    public string? AdultServicesNote { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }
}

/// <summary>A pathway plan agreed, or a review of it.</summary>
public sealed class PathwayPlan : Entity
{
    public const int MaxTextLength = 4000;

    public Guid PersonId { get; set; }

    /// <summary>The date the plan was agreed or reviewed.</summary>
    public DateOnly AgreedOn { get; set; }

    /// <summary>True for a review of the plan; false for a new plan.</summary>
    public bool IsReview { get; set; }

    /// <summary>What the plan says, in brief.</summary>
    public string? Summary { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }
}

/// <summary>
/// The care leaver's circumstances around a birthday from the 17th to the 21st, as the SSDA903 OC3 table returns them:
/// whether the council is in touch (IN_TOUCH), their activity (ACTIV) and accommodation (ACCOM). Codes are those of
/// <see cref="Interchange.Ssda903.Ssda903Schema"/>.
/// </summary>
public sealed class CareLeaverContact : Entity
{
    public Guid PersonId { get; set; }

    /// <summary>Which birthday: 17 to 21.</summary>
    public int Birthday { get; set; }

    /// <summary>The date the information was obtained (from 3 months before the birthday to 1 month after).</summary>
    public DateOnly ContactedOn { get; set; }

    /// <summary>IN_TOUCH: YES, NO, DIED, REFU, NREQ or RHOM.</summary>
    public required string InTouch { get; set; }

    /// <summary>ACTIV, for example F2 or G5; 0 when not in touch.</summary>
    public required string Activity { get; set; }

    /// <summary>ACCOM, for example U1 or D2; 0 when not in touch.</summary>
    public required string Accommodation { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }
}
