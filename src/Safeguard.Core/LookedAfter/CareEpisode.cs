using Safeguard.Common;

namespace Safeguard.LookedAfter;

/// <summary>
/// One episode of a child's care, as the SSDA903 return models it: a period under one legal status in one
/// placement. A placement move or a change of legal status ends the episode (reason ceased X1) and starts the next on
/// the same day with its reason for new episode; leaving care ends the last episode with the reason the child left.
/// The codes are those of the DfE's SSDA903 code lists (<see cref="LookedAfterCodes"/>), held as the return writes them.
/// </summary>
public sealed class CareEpisode : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxCodeLength = 8;
    public const int MaxPostcodeLength = 8;

    public Guid PersonId { get; set; }

    /// <summary>The date the episode started (DECOM).</summary>
    public DateOnly StartedOn { get; set; }

    /// <summary>The date it ceased (DEC); null while it is the child's current episode.</summary>
    public DateOnly? EndedOn { get; set; }

    /// <summary>Reason for new episode (RNE): S, L, P, T, B or U.</summary>
    public required string ReasonForNewEpisode { get; set; }

    /// <summary>Legal status (LS), for example C2 or V2.</summary>
    public required string LegalStatus { get; set; }

    /// <summary>Category of need (CIN), N1 to N8.</summary>
    public required string CategoryOfNeed { get; set; }

    /// <summary>Placement type (PLACE), for example U4 or K2.</summary>
    public required string PlacementType { get; set; }

    /// <summary>Placement provider (PLACE_PROVIDER), PR0 to PR5; null for temporary placements and Z1.</summary>
    public string? PlacementProvider { get; set; }

    /// <summary>The placement's postcode (PL_POST), upper case with one space; null for temporary placements and Z1.</summary>
    public string? PlacementPostcode { get; set; }

    /// <summary>The postcode of the child's home when they became looked after (HOME_POST); null when not recorded. Kept as the return gave it.</summary>
    public string? HomePostcode { get; set; }

    /// <summary>The Ofsted unique reference number of the placement (URN, or XXXXXXX when it has none); null when not recorded.</summary>
    public string? PlacementUrn { get; set; }

    /// <summary>Reason episode ceased (REC): X1 when the next episode follows on the same day, otherwise why the child left care.</summary>
    public string? ReasonEpisodeCeased { get; set; }

    /// <summary>Reason for the change of placement (REASON_PLACE_CHANGE), on an episode that ended in a placement move.</summary>
    public string? ReasonPlacementChanged { get; set; }

    /// <summary>The independent reviewing officer during the episode.</summary>
    public Guid? IroUserId { get; set; }

    public required string IroName { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }

    public bool IsCurrent => EndedOn is null;
}

/// <summary>A looked-after review, chaired by the child's independent reviewing officer.</summary>
public sealed class LookedAfterReview : Entity
{
    public const int MaxTextLength = 4000;

    public Guid PersonId { get; set; }

    /// <summary>The date of the review (REVIEW).</summary>
    public DateOnly HeldOn { get; set; }

    /// <summary>The IRO who chaired it.</summary>
    public Guid? IroUserId { get; set; }

    public required string IroName { get; set; }

    /// <summary>How the child took part (REVIEW_CODE), PN0 to PN7.</summary>
    public required string Participation { get; set; }

    /// <summary>What the review decided, in brief.</summary>
    public string? Decisions { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }
}

/// <summary>A statutory health assessment or a dental check of a looked-after child.</summary>
public sealed class HealthCheck : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 2000;

    public Guid PersonId { get; set; }

    public HealthCheckKind Kind { get; set; }

    public DateOnly DoneOn { get; set; }

    /// <summary>Who carried it out (the doctor, nurse or dental practice).</summary>
    public required string DoneBy { get; set; }

    public string? Notes { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }
}

public enum HealthCheckKind
{
    /// <summary>An initial or review health assessment (OC2 HEALTH_ASSESSMENT / HEALTH_CHECK).</summary>
    HealthAssessment,

    /// <summary>A dental check (OC2 TEETH_CHECK).</summary>
    DentalCheck,
}
