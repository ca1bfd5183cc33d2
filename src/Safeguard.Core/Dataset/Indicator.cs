using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.Dataset;

/// <summary>What an indicator's figures measure.</summary>
public enum IndicatorUnit
{
    Count,
    Percentage,
    RatePer10000,
    RatePer1000LiveBirths,
    WorkingDays,
}

/// <summary>How the four quarters make the year figure (docs/adr/0010).</summary>
public enum IndicatorAggregation
{
    /// <summary>The year is the sum of the quarters.</summary>
    Total,

    /// <summary>The year is the mean of the quarters.</summary>
    Average,

    /// <summary>Each quarter is a snapshot on its last day; the year is the snapshot on 31 March (Q4).</summary>
    QuarterEnd,

    /// <summary>Each quarter is the mean of its three month-end snapshots; the year is the mean of the quarters.</summary>
    MonthEnd,

    /// <summary>One figure for the year, known at its end; there are no quarterly figures.</summary>
    Annual,
}

/// <summary>Which way is good.</summary>
public enum IndicatorPolarity
{
    HigherIsBetter,
    LowerIsBetter,
    Neutral,
}

/// <summary>Where an indicator's figures come from.</summary>
public enum IndicatorSource
{
    /// <summary>Worked out from Safeguard's own records.</summary>
    Computed,

    /// <summary>Supplied each quarter by a named agency through a data return.</summary>
    Returned,

    /// <summary>A context figure (population, poverty) entered by the business unit.</summary>
    Context,
}

/// <summary>
/// One indicator of the partnership dataset (seed 000, Appendix 1). The catalogue ships with the product and is
/// then the business unit's to edit; every edit is audited.
/// </summary>
public sealed class Indicator : Entity
{
    /// <summary>The dataset number, for example "5.2" or "3.4a". Unique and never changed.</summary>
    public required string Code { get; set; }

    public int GroupNumber { get; set; }

    public required string Title { get; set; }

    /// <summary>The definition in plain English: what is counted, over which period.</summary>
    public required string Definition { get; set; }

    public IndicatorUnit Unit { get; set; }

    public IndicatorAggregation Aggregation { get; set; }

    public IndicatorPolarity Polarity { get; set; }

    /// <summary>A change larger than this percentage (against the previous quarter, the previous year or a benchmark) is an exception.</summary>
    public decimal TolerancePercent { get; set; } = 10m;

    public IndicatorSource Source { get; set; }

    /// <summary>For a computed indicator, the calculation that works it out (see <see cref="IIndicatorCalculation"/>).</summary>
    public string? Calculation { get; set; }

    /// <summary>
    /// For an indicator that was returned before Safeguard computed it: the first day of the first quarter it is
    /// computed for. The quarters before keep the figures agencies returned for them (ADR 0035). Null for an
    /// indicator computed for every quarter.
    /// </summary>
    public DateOnly? ComputedFrom { get; set; }

    /// <summary>Whether the figure for <paramref name="quarter"/> is computed from records (not the one returned for it).</summary>
    public bool IsComputedFor(Common.ReportingQuarter quarter) => Source == IndicatorSource.Computed && (ComputedFrom is not { } from || quarter.Start >= from);

    /// <summary>For a returned indicator, the agency that owes the figure each quarter.</summary>
    public Guid? SupplierAgencyId { get; set; }

    public Agency? SupplierAgency { get; set; }

    /// <summary>A retired indicator stays in the catalogue (its history is kept) but is no longer requested or shown.</summary>
    public bool IsRetired { get; set; }

    /// <summary>Position in the dataset, from the shipped catalogue order.</summary>
    public int SortOrder { get; set; }
}

/// <summary>A context figure (population, poverty rate) for a year or a quarter. Never changed: a correction is a newer figure.</summary>
public sealed class ContextFigure : Entity
{
    public Guid IndicatorId { get; set; }

    /// <summary>The reporting year it belongs to, by the year it starts in.</summary>
    public int YearStart { get; set; }

    /// <summary>The quarter (1-4), or null for a figure for the whole year.</summary>
    public int? Quarter { get; set; }

    public decimal Value { get; set; }

    public string? Note { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedBy { get; set; }
}
