using Safeguard.Timescales;

namespace Safeguard.LookedAfter;

/// <summary>A child becoming looked after: the first episode of a period of care (reason for new episode S).</summary>
public sealed record StartDetails
{
    public DateOnly? StartedOn { get; init; }

    public string? LegalStatus { get; init; }

    public string? CategoryOfNeed { get; init; }

    public string? PlacementType { get; init; }

    public string? PlacementProvider { get; init; }

    public string? PlacementPostcode { get; init; }

    /// <summary>The postcode of the child's home when they became looked after (SSDA903 HOME_POST), optional.</summary>
    public string? HomePostcode { get; init; }

    /// <summary>The placement's Ofsted unique reference number (SSDA903 URN; XXXXXXX for a provider with none), optional.</summary>
    public string? PlacementUrn { get; init; }

    /// <summary>The independent reviewing officer appointed.</summary>
    public Guid? IroUserId { get; init; }
}

/// <summary>
/// A placement move or a change of legal status: the current episode ends on <see cref="ChangedOn"/> (reason X1) and a
/// new one starts that day with <see cref="ReasonForNewEpisode"/>. Blank placement or legal status fields keep the
/// current episode's.
/// </summary>
public sealed record ChangeDetails
{
    public DateOnly? ChangedOn { get; init; }

    /// <summary>L, P, T, B or U.</summary>
    public string? ReasonForNewEpisode { get; init; }

    public string? LegalStatus { get; init; }

    public string? PlacementType { get; init; }

    public string? PlacementProvider { get; init; }

    public string? PlacementPostcode { get; init; }

    /// <summary>The placement's Ofsted unique reference number with a new placement; otherwise the current episode's is kept.</summary>
    public string? PlacementUrn { get; init; }

    /// <summary>Why the placement changed (REASON_PLACE_CHANGE), for a placement move.</summary>
    public string? ReasonPlacementChanged { get; init; }

    /// <summary>The category of need, when it changes; null keeps the current one.</summary>
    public string? CategoryOfNeed { get; init; }
}

/// <summary>Leaving care: the last episode ends with the reason the child left.</summary>
public sealed record LeaveDetails(DateOnly? EndedOn, string? ReasonCeased);

/// <summary>A looked-after review as entered.</summary>
public sealed record ReviewDetails
{
    public DateOnly? HeldOn { get; init; }

    public Guid? IroUserId { get; init; }

    public string? Participation { get; init; }

    public string? Decisions { get; init; }
}

/// <summary>A health assessment or dental check as entered.</summary>
public sealed record HealthCheckDetails
{
    public HealthCheckKind? Kind { get; init; }

    public DateOnly? DoneOn { get; init; }

    public string? DoneBy { get; init; }

    public string? Notes { get; init; }
}

/// <summary>A review with whether it was held on time, against the timescale that applied to it.</summary>
public sealed record ReviewView(LookedAfterReview Review, int Number, DeadlineAssessment Timeliness);

/// <summary>What is due next: the work, its deadline and where it stands today.</summary>
public sealed record NextDue(string What, DeadlineAssessment Assessment);

/// <summary>
/// A child's looked-after record: every episode (newest first), the current period's reviews with their timeliness,
/// health assessments and dental checks, and what is due next while the child is looked after.
/// </summary>
public sealed record ChildLookedAfterView(
    Guid PersonId,
    string ChildName,
    DateOnly? DateOfBirth,
    IReadOnlyList<CareEpisode> Episodes,
    IReadOnlyList<ReviewView> Reviews,
    IReadOnlyList<HealthCheck> HealthChecks,
    NextDue? NextReview,
    NextDue? NextHealthAssessment,
    NextDue? NextDentalCheck,
    int PlacementsInLast12Months)
{
    public CareEpisode? Current => Episodes.FirstOrDefault(e => e.IsCurrent);

    public bool IsLookedAfter => Current is not null;

    /// <summary>The first day of the current (or last) period of care.</summary>
    public DateOnly? PeriodStartedOn => LookedAfterSchedule.Period(Episodes) is { Count: > 0 } period ? period[0].StartedOn : null;

    /// <summary>Short-term placement stability: 3 or more placements in 12 months (the DfE measure).</summary>
    public bool ThreeOrMorePlacements => PlacementsInLast12Months >= LookedAfterSchedule.PlacementStabilityThreshold;
}

/// <summary>Someone who may be named as a child's independent reviewing officer.</summary>
public sealed record IroChoice(Guid UserId, string Name);

/// <summary>The words pages use for the area.</summary>
public static class LookedAfterText
{
    public static string Describe(HealthCheckKind kind) => kind switch
    {
        HealthCheckKind.HealthAssessment => "Health assessment",
        HealthCheckKind.DentalCheck => "Dental check",
        _ => kind.ToString(),
    };

    /// <summary>What a new episode was, in words ("Placement moved", "Legal status changed").</summary>
    public static string Change(string reasonForNewEpisode) => reasonForNewEpisode switch
    {
        "S" => "Became looked after",
        "L" => "Legal status changed",
        "P" or "T" => "Placement moved",
        "B" or "U" => "Legal status changed and placement moved",
        _ => "New episode",
    };
}
