using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.FrontDoor;

/// <summary>
/// One decision to share information, or not to (the seventh golden rule, seed 004): what, with whom, for
/// what purpose, on what lawful basis, the consent position and the reason, about a contact and/or a child.
/// </summary>
public sealed class InformationShare : Entity
{
    public const int MaxTextLength = 4000;

    public Guid? ContactId { get; set; }

    public Guid? PersonId { get; set; }

    public bool Shared { get; set; }

    /// <summary>What was (or would have been) shared.</summary>
    public required string What { get; set; }

    /// <summary>The agency it was shared with (or asked for).</summary>
    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public required string Purpose { get; set; }

    /// <summary>The lawful basis relied on; null for a decision not to share.</summary>
    public LawfulBasis? LawfulBasis { get; set; }

    public ConsentPosition Consent { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public Guid? DecidedByUserId { get; set; }

    public required string DecidedByName { get; set; }

    public Guid? DecidedByAgencyId { get; set; }
}

/// <summary>The lawful bases a safeguarding share is made on.</summary>
public enum LawfulBasis
{
    /// <summary>UK GDPR article 6(1)(e) public task, with DPA 2018 schedule 8 safeguarding of children.</summary>
    PublicTaskSafeguarding,

    /// <summary>UK GDPR article 6(1)(c) legal obligation (Children Act 1989 s47, Children Act 2004 s11).</summary>
    LegalObligation,

    /// <summary>UK GDPR article 6(1)(d) vital interests: to protect someone's life.</summary>
    VitalInterests,

    /// <summary>Crime and Disorder Act 1998 s115: prevention or detection of crime.</summary>
    CrimeAndDisorderAct,

    /// <summary>The person's (or their parent's) consent.</summary>
    Consent,

    /// <summary>A court order.</summary>
    CourtOrder,
}
