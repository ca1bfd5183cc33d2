namespace Safeguard.Dataset;

/// <summary>How a computed indicator turns what it counted into its figure.</summary>
public enum FigureKind
{
    /// <summary>The number of records counted.</summary>
    Count,

    /// <summary>The records in the numerator as a percentage of all the records counted.</summary>
    Percentage,

    /// <summary>The average working days taken over the records counted.</summary>
    AverageWorkingDays,

    /// <summary>The number of records counted per 10,000 children (the child population, 1.3).</summary>
    RatePer10000,

    /// <summary>The records counted (one per record open at each month end) divided by the month ends that have passed: the mean of the snapshots.</summary>
    MonthEndAverage,
}

/// <summary>One record a computed indicator counted for a quarter: the drill-down from a figure to its children and events.</summary>
/// <param name="Children">The children the record is about (none when a contact's child is not yet identified).</param>
/// <param name="Event">What was counted, in a few words ("Referral", "Assessment authorised").</param>
/// <param name="Date">The date that put the record in the quarter (or the day it was counted on, for a snapshot).</param>
/// <param name="InNumerator">
/// For a percentage, whether it counted in the numerator as well as the denominator; for a count, rate or
/// average it is always true (every record counts).
/// </param>
/// <param name="WorkingDays">For a timeliness measure, the working days it took.</param>
public sealed record CountedRecord(IReadOnlyList<Guid> Children, string Event, DateOnly Date, bool InNumerator, int? WorkingDays = null)
{
    public static CountedRecord For(Guid? child, string what, DateOnly date, bool inNumerator = true, int? workingDays = null) =>
        new(child is { } id ? [id] : [], what, date, inNumerator, workingDays);
}

/// <summary>
/// What a computed indicator counted for a quarter, and the figure it makes: the figure is always worked out
/// from these records (<see cref="Figure"/>), so the drill-down cannot disagree with the dataset.
/// </summary>
/// <param name="Kind">How the records make the figure.</param>
/// <param name="Records">Every record counted, in the denominator (for a percentage) or the count.</param>
/// <param name="NothingToCount">Why there is no figure when there is nothing to count (percentages and averages).</param>
public sealed record IndicatorBreakdown(FigureKind Kind, IReadOnlyList<CountedRecord> Records, string? NothingToCount = null)
{
    /// <summary>For a month-end average, how many month ends the records were counted on.</summary>
    public int Snapshots { get; init; } = 1;

    /// <summary>The records in the numerator (every record, except for a percentage).</summary>
    public int Numerator => Records.Count(r => r.InNumerator);

    /// <summary>The records counted: a percentage's or an average's denominator.</summary>
    public int Denominator => Records.Count;

    /// <summary>The working days taken over all the records, for an average.</summary>
    public int TotalWorkingDays => Records.Sum(r => r.WorkingDays ?? 0);

    /// <summary>The figure these records make, given the child population for rates.</summary>
    public CalculatedFigure Figure(decimal? childPopulation) => Kind switch
    {
        FigureKind.Count => CalculatedFigure.Of(Numerator),
        FigureKind.Percentage => CalculatedFigure.Percentage(Numerator, Denominator, NothingToCount ?? "Nothing to count in the quarter"),
        FigureKind.AverageWorkingDays => Denominator == 0
            ? CalculatedFigure.Missing(NothingToCount ?? "Nothing to count in the quarter")
            : CalculatedFigure.Of((decimal)TotalWorkingDays / Denominator),
        FigureKind.MonthEndAverage => Snapshots == 0
            ? CalculatedFigure.Missing(NothingToCount ?? "No month end of the quarter has passed yet")
            : CalculatedFigure.Of((decimal)Numerator / Snapshots),
        _ => CalculatedFigure.RatePer10000(Numerator, childPopulation),
    };

    /// <summary>How records of this kind make the figure, in words.</summary>
    public static string Describe(FigureKind kind) => kind switch
    {
        FigureKind.Count => "the number of records counted",
        FigureKind.Percentage => "the records in the numerator as a percentage of all the records counted",
        FigureKind.AverageWorkingDays => "the average working days taken over the records counted",
        FigureKind.MonthEndAverage => "the records open at each month end of the quarter, divided by the number of month ends",
        _ => "the records counted per 10,000 children (the child population, 1.3)",
    };

    public static IndicatorBreakdown Count(IEnumerable<CountedRecord> records) => new(FigureKind.Count, [.. Counted(records)]);

    /// <summary>The mean of month-end snapshots: <paramref name="records"/> has one record per record open at each of <paramref name="snapshots"/> month ends.</summary>
    public static IndicatorBreakdown MonthEndAverage(IEnumerable<CountedRecord> records, int snapshots) =>
        new(FigureKind.MonthEndAverage, [.. Counted(records)], "No month end of the quarter has passed yet") { Snapshots = snapshots };

    public static IndicatorBreakdown Rate(IEnumerable<CountedRecord> records) => new(FigureKind.RatePer10000, [.. Counted(records)]);

    public static IndicatorBreakdown Percentage(IEnumerable<CountedRecord> records, string nothingToCount) => new(FigureKind.Percentage, [.. records], nothingToCount);

    public static IndicatorBreakdown AverageWorkingDays(IEnumerable<CountedRecord> records, string nothingToCount) =>
        new(FigureKind.AverageWorkingDays, [.. Counted(records)], nothingToCount);

    private static IEnumerable<CountedRecord> Counted(IEnumerable<CountedRecord> records) => records.Select(r => r.InNumerator ? r : r with { InNumerator = true });
}
