using Safeguard.Common;

namespace Safeguard.Dataset;

/// <summary>
/// Works out a computed indicator for one quarter from Safeguard's records as they stood at
/// <see cref="CalculationContext.AsAt"/>. Register each with <c>services.AddScoped&lt;IIndicatorCalculation, ...&gt;()</c>;
/// an indicator names its calculation by <see cref="Key"/>.
/// </summary>
public interface IIndicatorCalculation
{
    string Key { get; }

    Task<CalculatedFigure> CalculateAsync(ReportingQuarter quarter, CalculationContext context, CancellationToken cancellationToken);

    /// <summary>
    /// The records the figure for the quarter counted: the figure is <see cref="IndicatorBreakdown.Figure"/> of
    /// this, from the same code, so the drill-down always reproduces <see cref="CalculateAsync"/>.
    /// </summary>
    Task<IndicatorBreakdown> BreakdownAsync(ReportingQuarter quarter, CalculationContext context, CancellationToken cancellationToken);

    /// <summary>
    /// Reads the records the calculation needs for the context's years, if it has not already: the dataset asks
    /// every calculation first and waits for them together, so that different areas' records are read side by side.
    /// </summary>
    Task PrepareAsync(CalculationContext context, CancellationToken cancellationToken);
}

/// <param name="AsAt">Only records as they stood at this instant count.</param>
/// <param name="ChildPopulation">The child population (indicator 1.3) for the quarter's year, when entered; rates need it.</param>
/// <param name="From">
/// The first day of the earliest reporting year the computation asks about (at or before the quarter's year).
/// </param>
/// <param name="Until">The last day of the latest reporting year it asks about (at or after the quarter's year).</param>
/// <remarks>
/// Records that can count only outside <paramref name="From"/> to <paramref name="Until"/> need not be read: a
/// calculation's figure for a quarter is the same whatever wider years it is given.
/// </remarks>
public sealed record CalculationContext(DateTimeOffset AsAt, decimal? ChildPopulation, DateOnly From, DateOnly Until);

/// <summary>A computed figure, or why there is none.</summary>
/// <param name="Value">The figure, unrounded; null when it cannot be worked out.</param>
/// <param name="MissingReason">Why there is no figure (for example no denominator), when <paramref name="Value"/> is null.</param>
public sealed record CalculatedFigure(decimal? Value, string? MissingReason = null)
{
    public static CalculatedFigure Of(decimal value) => new(value);

    public static CalculatedFigure Missing(string reason) => new(null, reason);

    /// <summary>A percentage of <paramref name="denominator"/>, or a gap saying there was nothing to count.</summary>
    public static CalculatedFigure Percentage(int numerator, int denominator, string nothingToCount) =>
        denominator == 0 ? Missing(nothingToCount) : Of(100m * numerator / denominator);

    /// <summary>A rate per 10,000 children, or a gap when the population is not known.</summary>
    public static CalculatedFigure RatePer10000(int count, decimal? population) =>
        population is > 0 ? Of(10000m * count / population.Value) : Missing("The child population (1.3) for the year has not been entered");
}
