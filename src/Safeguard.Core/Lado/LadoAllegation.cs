using Safeguard.Common;

namespace Safeguard.Lado;

/// <summary>
/// An allegation or concern about an adult who works or volunteers with children, referred to the local authority
/// designated officer (LADO). The record is about the worker, not a child: it names the children concerned as links to
/// their records in the person index. The LADO's initial consideration is due within one working day of the referral
/// (timescale <c>lado-initial-consideration</c>); an allegation open longer than <c>lado-resolution</c> is flagged.
/// Only the LADO role reads or changes it (ADR 0049).
/// </summary>
public sealed class LadoAllegation : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>The worker the allegation is about.</summary>
    public required string WorkerName { get; set; }

    /// <summary>The worker's employer when it is one of the partnership's agencies.</summary>
    public Guid? EmployerAgencyId { get; set; }

    /// <summary>The worker's employer in words when it is not one of the partnership's agencies.</summary>
    public string? EmployerName { get; set; }

    /// <summary>Their role or job title (for example "teaching assistant", "football coach").</summary>
    public required string WorkerRole { get; set; }

    public LadoSector Sector { get; set; }

    /// <summary>The front door contact the allegation was opened from, when it came through the front door.</summary>
    public Guid? ContactId { get; set; }

    /// <summary>The day the LADO received the referral (the initial consideration clock starts here).</summary>
    public DateOnly ReferredOn { get; set; }

    /// <summary>The agency that referred it, when one of the partnership's.</summary>
    public Guid? ReferrerAgencyId { get; set; }

    /// <summary>Who referred it (and, for someone outside the partnership, their organisation).</summary>
    public required string ReferrerName { get; set; }

    public LadoCategory Category { get; set; }

    /// <summary>What is alleged, in the referrer's words.</summary>
    public required string Allegation { get; set; }

    /// <summary>The day the LADO considered the referral and decided; null until then.</summary>
    public DateOnly? ConsideredOn { get; set; }

    public LadoDecision? Decision { get; set; }

    /// <summary>Why the threshold was or was not met (and, for advice only, the advice given).</summary>
    public string? DecisionReason { get; set; }

    /// <summary>The strategy discussion (threshold met), when one was held.</summary>
    public DateOnly? StrategyDiscussionOn { get; set; }

    /// <summary>The section 47 enquiry it started, when one did.</summary>
    public DateOnly? Section47StartedOn { get; set; }

    /// <summary>Notes of the strategy discussion and enquiry, and where the child's journey records them.</summary>
    public string? StrategyNotes { get; set; }

    /// <summary>What the police did (investigation, arrest, charge, no further action).</summary>
    public string? PoliceActions { get; set; }

    /// <summary>Whether the employer suspended the worker; null until known.</summary>
    public bool? Suspended { get; set; }

    public DateOnly? SuspendedFrom { get; set; }

    public DateOnly? SuspendedUntil { get; set; }

    /// <summary>The employer's own investigation.</summary>
    public string? EmployerInvestigation { get; set; }

    /// <summary>Any disciplinary action and its result.</summary>
    public string? Disciplinary { get; set; }

    /// <summary>The outcome of a threshold-met allegation; null until closed, and for advice only.</summary>
    public LadoOutcome? Outcome { get; set; }

    public string? OutcomeNotes { get; set; }

    /// <summary>The day the LADO closed the allegation; null while open.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>The designated officer holding the allegation (their due work shows its timescales).</summary>
    public Guid? OwnerUserId { get; set; }

    public required string OwnerName { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }

    public List<LadoAllegationChild> Children { get; set; } = [];

    public bool IsClosed => ClosedOn is not null;
}

/// <summary>A child an allegation concerns: a link to their record in the person index.</summary>
public sealed class LadoAllegationChild : Entity
{
    public Guid AllegationId { get; set; }

    public Guid PersonId { get; set; }
}

/// <summary>The sector the worker works or volunteers in.</summary>
public enum LadoSector
{
    Education,
    EarlyYears,
    Health,
    Police,
    SocialCare,
    Faith,
    SportAndLeisure,
    Transport,
    Voluntary,
    Other,
}

/// <summary>
/// What the allegation says the worker did (Working Together 2023 and Keeping children safe in education, part four):
/// harmed a child, possibly committed an offence against or related to a child, behaved towards a child in a way that
/// indicates they may pose a risk, or behaved in a way that indicates they may not be suitable to work with children
/// (transferable risk).
/// </summary>
public enum LadoCategory
{
    Harm,
    PossibleOffence,
    BehaviourTowardsChild,
    TransferableRisk,
}

/// <summary>The LADO's decision on the initial consideration.</summary>
public enum LadoDecision
{
    /// <summary>The allegation meets the harm threshold: managed under the allegations procedure.</summary>
    ThresholdMet,

    /// <summary>Below the threshold: advice given to the employer (a low-level concern or a conduct matter).</summary>
    AdviceOnly,
}

/// <summary>The outcome of an allegation that met the threshold (Keeping children safe in education, part four).</summary>
public enum LadoOutcome
{
    Substantiated,
    False,
    Malicious,
    Unfounded,
    Unsubstantiated,
}
