using Safeguard.Common;

namespace Safeguard.LookedAfter;

/// <summary>
/// A decision that a looked-after child should be placed for adoption and what followed it, shaped so the SSDA903
/// tables can be written from it: PlacedAdoption (DATE_PLACED = <see cref="DecidedOn"/>, DATE_PLACED_CEASED =
/// <see cref="NoLongerPlacedOn"/>, REASON_PLACED_CEASED) and AD1 for a child adopted (DATE_INT = <see cref="DecidedOn"/>,
/// DATE_MATCH = <see cref="MatchedOn"/>, FOSTER_CARE, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR). Codes are those of
/// <see cref="Interchange.Ssda903.Ssda903Schema"/>. A child may have more than one over time: a new decision after the
/// last was reversed.
/// </summary>
public sealed class AdoptionDecision : Entity
{
    public Guid PersonId { get; set; }

    /// <summary>The decision that the child should be placed for adoption (the agency decision maker's "should be placed").</summary>
    public DateOnly DecidedOn { get; set; }

    /// <summary>The date of the placement order (or of consent to placement), when made.</summary>
    public DateOnly? PlacementOrderOn { get; set; }

    /// <summary>The date the child was matched with their prospective adopter(s) (DATE_MATCH).</summary>
    public DateOnly? MatchedOn { get; set; }

    /// <summary>The date the child was placed for adoption with them.</summary>
    public DateOnly? PlacedOn { get; set; }

    /// <summary>The date of the adoption order.</summary>
    public DateOnly? AdoptionOrderOn { get; set; }

    /// <summary>The decision that the child should no longer be placed for adoption (DATE_PLACED_CEASED).</summary>
    public DateOnly? NoLongerPlacedOn { get; set; }

    /// <summary>REASON_PLACED_CEASED: RD1 to RD4.</summary>
    public string? ReasonNoLongerPlaced { get; set; }

    /// <summary>FOSTER_CARE: 1 when the adopters were the child's foster carers, 0 when not.</summary>
    public string? AdoptedByFosterCarers { get; set; }

    /// <summary>NB_ADOPTR: 1 or 2.</summary>
    public string? NumberOfAdopters { get; set; }

    /// <summary>SEX_ADOPTR: M1, F1, MM, FF or MF.</summary>
    public string? SexOfAdopters { get; set; }

    /// <summary>LS_ADOPTR: L0, L11, L12, L2, L3 or L4.</summary>
    public string? LegalStatusOfAdopters { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }

    /// <summary>Open while neither an adoption order nor a decision to stop has ended it.</summary>
    public bool IsOpen => AdoptionOrderOn is null && NoLongerPlacedOn is null;
}
