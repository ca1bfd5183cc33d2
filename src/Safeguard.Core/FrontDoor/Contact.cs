using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.FrontDoor;

/// <summary>
/// A contact to the front door (MASH): a concern about one or more children, from an agency or a person,
/// triaged (priority and threshold level) and decided within one working day of receipt.
/// </summary>
public sealed class Contact : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxConcernsLength = 8000;
    public const int MaxReasonLength = 4000;

    /// <summary>When the front door received it (the contact-decision clock starts here).</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>The agency the contact came from.</summary>
    public Guid FromAgencyId { get; set; }

    public Agency? FromAgency { get; set; }

    /// <summary>The person who made the contact.</summary>
    public required string ReferrerName { get; set; }

    /// <summary>Their role and how to reach them, when given.</summary>
    public string? ReferrerRole { get; set; }

    /// <summary>The children in need census referral source code (<see cref="ReferralSources"/>).</summary>
    public required string ReferralSource { get; set; }

    public required string Concerns { get; set; }

    public ConsentPosition Consent { get; set; }

    /// <summary>Why consent was refused or overridden (required then).</summary>
    public string? ConsentReason { get; set; }

    public RagPriority? Priority { get; set; }

    public Guid? ThresholdLevelId { get; set; }

    public ThresholdLevel? ThresholdLevel { get; set; }

    public string? TriageNotes { get; set; }

    public ContactDecision? Decision { get; set; }

    public string? DecisionRationale { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public string? DecidedByName { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public Guid? RecordedByUserId { get; set; }

    public required string RecordedByName { get; set; }

    /// <summary>Submitted by a partner agency (page or API) rather than recorded by the front door.</summary>
    public bool SubmittedByPartner { get; set; }

    public List<ContactChild> Children { get; set; } = [];

    public List<ContactInformationRequest> InformationRequests { get; set; } = [];

    public bool IsDecided => Decision is not null;
}

/// <summary>
/// A child a contact is about. <see cref="PersonId"/> is null while the child is not yet identified in the
/// person index (a partner described a child who may already be known): the front door links the record.
/// </summary>
public sealed class ContactChild : Entity
{
    public Guid ContactId { get; set; }

    public Guid? PersonId { get; set; }

    /// <summary>The child's name as the contact gave it.</summary>
    public required string DescribedName { get; set; }

    public DateOnly? DescribedDateOfBirth { get; set; }

    public string? DescribedNhsNumber { get; set; }

    public string? DescribedUpn { get; set; }
}

/// <summary>A MASH request to an agency for what it knows about the children on a contact, and its answer.</summary>
public sealed class ContactInformationRequest : Entity
{
    public const int MaxTextLength = 8000;

    public Guid ContactId { get; set; }

    public Contact? Contact { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public required string Question { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public required string RequestedByName { get; set; }

    public string? Response { get; set; }

    public DateTimeOffset? RespondedAt { get; set; }

    public string? RespondedByName { get; set; }

    public bool IsAnswered => RespondedAt is not null;
}

/// <summary>Consent to the contact being made and information shared.</summary>
public enum ConsentPosition
{
    Sought,
    Given,
    Refused,
    Overridden,
}

/// <summary>How urgent the front door judges the contact (red, amber, green).</summary>
public enum RagPriority
{
    Red,
    Amber,
    Green,
}

/// <summary>What the front door decided.</summary>
public enum ContactDecision
{
    NoFurtherAction,
    InformationAndAdvice,
    EarlyHelp,
    ReferralToChildrensSocialCare,
    StrategyDiscussion,
    ReferToLado,
}
