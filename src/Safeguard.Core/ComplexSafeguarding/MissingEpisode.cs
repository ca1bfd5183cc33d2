using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.ComplexSafeguarding;

/// <summary>
/// A time a child was missing (whereabouts unknown) or away from their placement without authorisation: when it
/// started and ended, where from and where found, who reported it and the police's risk grading at report. A
/// return home interview is due within 72 hours (elapsed) of the end (timescale <c>return-home-interview</c>).
/// </summary>
public sealed class MissingEpisode : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;
    public const int MaxReferenceLength = 50;

    /// <summary>The child; null while a child a partner described is not yet identified in the person index.</summary>
    public Guid? PersonId { get; set; }

    /// <summary>The child as the report described them (for an identified child, their name when it was recorded).</summary>
    public required string DescribedName { get; set; }

    public DateOnly? DescribedDateOfBirth { get; set; }

    public string? DescribedNhsNumber { get; set; }

    public string? DescribedUpn { get; set; }

    public MissingKind Kind { get; set; }

    /// <summary>When the child went missing (or was first found to be away without authorisation).</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>When the child returned or was found; null while they are still missing.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public MissingFrom From { get; set; }

    /// <summary>Where the child was found or returned to, once they have.</summary>
    public string? WhereFound { get; set; }

    /// <summary>The police's risk grading when the child was reported (low, medium or high), when given.</summary>
    public MissingRisk? RiskAtReport { get; set; }

    /// <summary>Whether the child was looked after when they went missing.</summary>
    public bool LookedAfter { get; set; }

    /// <summary>What is known of the circumstances: what happened before, concerns, who they may be with.</summary>
    public string? Circumstances { get; set; }

    /// <summary>The police reference (the missing person report number), when the police reported it.</summary>
    public string? PoliceReference { get; set; }

    /// <summary>The agency that reported the episode.</summary>
    public Guid ReportedByAgencyId { get; set; }

    public Agency? ReportedByAgency { get; set; }

    /// <summary>The person who reported it.</summary>
    public required string ReportedByName { get; set; }

    /// <summary>Reported by a partner agency (page or API) rather than recorded by the front door or a social worker.</summary>
    public bool ReportedByPartner { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public Guid? RecordedByUserId { get; set; }

    public required string RecordedByName { get; set; }

    public ReturnInterview? Interview { get; set; }

    /// <summary>
    /// Taken from a period in an SSDA903 return's Missing table, with no report behind it: only the kind and the days
    /// it started and ended are known (the times are the start of those days). It is the child's history, not a live
    /// report: it is not on the list of children missing now and no return home interview is due for it (ADR 0085).
    /// </summary>
    public bool FromReturn { get; set; }

    public bool HasEnded => EndedAt is not null;
}

/// <summary>
/// The return home interview offered after an episode: when it was offered and by whom, whether the interviewer is
/// independent of the child's care, the outcome and what the child said (which feeds the exploitation screening).
/// </summary>
public sealed class ReturnInterview : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    public Guid EpisodeId { get; set; }

    /// <summary>When the interview was offered to the child (the 72-hour clock stops here).</summary>
    public DateTimeOffset OfferedAt { get; set; }

    /// <summary>Who offered (and held) it.</summary>
    public required string Interviewer { get; set; }

    /// <summary>Their service (for example the missing from home service), when given.</summary>
    public string? Organisation { get; set; }

    /// <summary>The interviewer is independent: not the child's social worker, carer or anyone involved in their care.</summary>
    public bool Independent { get; set; }

    public ReturnInterviewOutcome Outcome { get; set; }

    /// <summary>When the interview took place (accepted only).</summary>
    public DateTimeOffset? HeldAt { get; set; }

    /// <summary>Why the child declined, or why the interview was not possible.</summary>
    public string? Reason { get; set; }

    /// <summary>What pushed the child away from home or placement.</summary>
    public string? PushFactors { get; set; }

    /// <summary>What drew them elsewhere.</summary>
    public string? PullFactors { get; set; }

    /// <summary>Where the child says they were.</summary>
    public string? WhereTheyWere { get; set; }

    /// <summary>Who they were with (names, associates, adults of concern).</summary>
    public string? WithWhom { get; set; }

    /// <summary>Anything else learned, and what follows (a referral, a safety plan, an exploitation screening).</summary>
    public string? Notes { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }
}

/// <summary>The two kinds of absence the children looked after return (domain.md §5: M and A).</summary>
public enum MissingKind
{
    /// <summary>Whereabouts unknown.</summary>
    Missing,

    /// <summary>Away from placement without authorisation: whereabouts known, but not where they should be.</summary>
    AwayWithoutAuthorisation,
}

/// <summary>Where the child went missing from.</summary>
public enum MissingFrom
{
    Home,
    CarePlacement,
    School,
    Other,
}

/// <summary>The police's risk grading of a missing child at report.</summary>
public enum MissingRisk
{
    Low,
    Medium,
    High,
}

/// <summary>What came of the offer of a return home interview.</summary>
public enum ReturnInterviewOutcome
{
    /// <summary>Offered; the child has not yet answered or the interview is arranged but not yet held.</summary>
    Offered,

    /// <summary>Accepted and held.</summary>
    Accepted,

    Declined,

    /// <summary>Not possible (the child went missing again, was in custody, moved away...): the reason says why.</summary>
    NotPossible,
}
