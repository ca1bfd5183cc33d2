using Safeguard.People;
using Safeguard.Timescales;

namespace Safeguard.FrontDoor;

/// <summary>How a contact arrives: recorded by the front door, or submitted by a partner agency (page or API).</summary>
public enum ContactChannel
{
    FrontDoor,
    Partner,
}

/// <summary>What is asked when a contact is recorded or submitted.</summary>
public sealed record NewContact
{
    public DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The agency it came from; for a partner's submission, always the partner's own agency.</summary>
    public Guid? FromAgencyId { get; init; }

    public string ReferrerName { get; init; } = "";

    public string? ReferrerRole { get; init; }

    public string ReferralSource { get; init; } = "";

    public string Concerns { get; init; } = "";

    public ConsentPosition Consent { get; init; }

    public string? ConsentReason { get; init; }

    public IReadOnlyList<ContactChildInput> Children { get; init; } = [];
}

/// <summary>
/// A child on a new contact: an existing record (<see cref="PersonId"/>, front door only) or the child's
/// details, which are matched on NHS number or UPN and otherwise added to the person index through its
/// duplicate check (<see cref="ConfirmedDifferentFrom"/> names the look-alikes the user has checked).
/// </summary>
public sealed record ContactChildInput(Guid? PersonId, NewPerson? Details = null, IReadOnlyList<Guid>? ConfirmedDifferentFrom = null);

/// <summary>The front door's triage: how urgent, and where on the continuum of need.</summary>
public sealed record ContactTriage(RagPriority? Priority, Guid? ThresholdLevelId, string? Notes);

/// <summary>The decision on a contact; <see cref="DecidedAt"/> defaults to now.</summary>
public sealed record ContactDecisionInput(ContactDecision? Decision, string? Rationale, DateTimeOffset? DecidedAt = null);

/// <summary>
/// What the children's journey needs to open a referral from a decision of referral to children's social
/// care: the contact, its children, when it was decided and the census referral source.
/// </summary>
public sealed record ReferralHandoff(Guid ContactId, IReadOnlyList<Guid> PersonIds, DateTimeOffset ReceivedAt, DateTimeOffset DecidedAt, DateOnly ReferralDate, string ReferralSource, Guid FromAgencyId);

/// <summary>A child on a contact as a page shows it: the record when identified, the description otherwise.</summary>
public sealed record ContactChildView(Guid ContactChildId, Guid? PersonId, string Name, DateOnly? DateOfBirth, string? NhsNumber, string? Upn);

/// <summary>A contact with everything the front door shows on it.</summary>
public sealed record ContactView(
    Contact Contact,
    string FromAgencyName,
    string? ThresholdLevelName,
    IReadOnlyList<ContactChildView> Children,
    IReadOnlyList<RequestView> Requests,
    IReadOnlyList<ShareView> Shares,
    DeadlineAssessment Deadline);

public sealed record RequestView(ContactInformationRequest Request, string AgencyName);

public sealed record ShareView(InformationShare Share, string AgencyName, string? ChildName);

/// <summary>A line of the front door queue: a contact awaiting decision and its 1-working-day clock.</summary>
public sealed record QueueItem(Guid ContactId, DateTimeOffset ReceivedAt, string FromAgencyName, string Children, RagPriority? Priority, int OpenRequests, DeadlineAssessment Deadline);

/// <summary>A contact as its own agency sees it: what it sent and what became of it, never the child's record.</summary>
public sealed record AgencyContactView(Guid ContactId, DateTimeOffset ReceivedAt, string ReferrerName, string Concerns, IReadOnlyList<AgencyContactChild> Children, ContactDecision? Decision, DateTimeOffset? DecidedAt);

/// <summary>A child on an agency's contact: the name the agency gave, and the record's id once identified (the agency may name it on a later contact).</summary>
public sealed record AgencyContactChild(string Name, Guid? PersonId);

/// <summary>A request for information as the agency asked sees it.</summary>
public sealed record AgencyRequestView(Guid RequestId, int Version, Guid ContactId, DateTimeOffset RequestedAt, string RequestedByName, string Question, IReadOnlyList<string> Children, string? Response, DateTimeOffset? RespondedAt, string? RespondedByName);

/// <summary>A decision to share or not to share, as recorded.</summary>
public sealed record NewInformationShare
{
    public Guid? ContactId { get; init; }

    public Guid? PersonId { get; init; }

    public bool Shared { get; init; }

    public string What { get; init; } = "";

    public Guid? AgencyId { get; init; }

    public string Purpose { get; init; } = "";

    public LawfulBasis? LawfulBasis { get; init; }

    public ConsentPosition? Consent { get; init; }

    public string Reason { get; init; } = "";

    public DateTimeOffset? DecidedAt { get; init; }
}

public static class FrontDoorText
{
    public static string Describe(ContactDecision decision) => decision switch
    {
        ContactDecision.NoFurtherAction => "No further action",
        ContactDecision.InformationAndAdvice => "Information and advice",
        ContactDecision.EarlyHelp => "Early help",
        ContactDecision.ReferralToChildrensSocialCare => "Referral to children's social care",
        ContactDecision.StrategyDiscussion => "Strategy discussion",
        _ => "Refer to the LADO",
    };

    public static string Describe(ConsentPosition consent) => consent switch
    {
        ConsentPosition.Sought => "Sought, no answer yet",
        ConsentPosition.Given => "Given",
        ConsentPosition.Refused => "Refused",
        _ => "Overridden",
    };

    public static string Describe(RagPriority priority) => priority switch
    {
        RagPriority.Red => "Red",
        RagPriority.Amber => "Amber",
        _ => "Green",
    };

    public static string Describe(LawfulBasis basis) => basis switch
    {
        LawfulBasis.PublicTaskSafeguarding => "Public task: safeguarding of children (UK GDPR 6(1)(e), DPA 2018 schedule 8)",
        LawfulBasis.LegalObligation => "Legal obligation (UK GDPR 6(1)(c): Children Act 1989 s47, Children Act 2004 s11)",
        LawfulBasis.VitalInterests => "Vital interests (UK GDPR 6(1)(d))",
        LawfulBasis.CrimeAndDisorderAct => "Crime and Disorder Act 1998 s115",
        LawfulBasis.Consent => "Consent",
        _ => "Court order",
    };
}
