using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Dataset;

/// <summary>A period with no figure, and why: never shown as zero.</summary>
/// <param name="Period">"Q1"…"Q4", or the year's name for an annual figure.</param>
/// <param name="Agency">The agency that owes the figure, for returned indicators.</param>
/// <param name="Reason">Why there is no figure.</param>
public sealed record DatasetGap(string Period, string? Agency, string Reason);

/// <summary>One indicator's line in the dataset.</summary>
public sealed record DatasetRow(
    Indicator Indicator,
    decimal? Q1,
    decimal? Q2,
    decimal? Q3,
    decimal? Q4,
    decimal? Year,
    decimal? PreviousYear,
    decimal? Difference,
    IReadOnlyList<DatasetGap> Gaps)
{
    public IReadOnlyList<decimal?> Quarters => [Q1, Q2, Q3, Q4];
}

/// <summary>The dataset for a reporting year as known at an instant.</summary>
public sealed record DatasetResult(ReportingYear Year, DateTimeOffset AsAt, IReadOnlyList<DatasetRow> Rows);

/// <summary>What a computed indicator counted for a quarter, with the figure (rounded as in the dataset) it makes.</summary>
/// <param name="Indicator">The indicator.</param>
/// <param name="Quarter">The quarter.</param>
/// <param name="AsAt">Only records as they stood at this instant counted.</param>
/// <param name="Breakdown">The records counted.</param>
/// <param name="Figure">The figure as the dataset shows it; null when there is none.</param>
/// <param name="MissingReason">Why there is no figure, when there is none.</param>
public sealed record IndicatorBreakdownResult(Indicator Indicator, ReportingQuarter Quarter, DateTimeOffset AsAt, IndicatorBreakdown Breakdown, decimal? Figure, string? MissingReason);

/// <summary>
/// Computes the partnership dataset: Q1-Q4, the year by the indicator's aggregation, the previous year and
/// the difference. Everything is "as at" an instant: returned and context figures recorded later, and returns
/// submitted later, are left out, so a published figure can be explained afterwards (docs/adr/0010).
/// </summary>
public sealed class DatasetCalculator(SafeguardDbContext db, IEnumerable<IIndicatorCalculation> calculations)
{
    public const string PopulationCode = "1.3";

    private readonly Dictionary<string, IIndicatorCalculation> _calculations = calculations.ToDictionary(c => c.Key, StringComparer.Ordinal);

    public async Task<DatasetResult> ComputeAsync(ReportingYear year, DateTimeOffset? asAt = null, CancellationToken cancellationToken = default) =>
        (await ComputeAsync([year], asAt, cancellationToken))[0];

    /// <summary>
    /// The dataset of each of <paramref name="years"/>, all as at one instant, from one reading of the records (the
    /// dashboard and the exception report show several years): each year's figures are worked out once, also when
    /// they are another year's "previous year".
    /// </summary>
    public async Task<IReadOnlyList<DatasetResult>> ComputeAsync(IReadOnlyList<ReportingYear> years, DateTimeOffset? asAt = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentOutOfRangeException.ThrowIfZero(years.Count);
        var at = asAt ?? db.Time.GetUtcNow();
        var indicators = await db.Set<Indicator>().AsNoTracking().Include(i => i.SupplierAgency)
            .Where(i => !i.IsRetired)
            .OrderBy(i => i.SortOrder).ThenBy(i => i.Code)
            .ToListAsync(cancellationToken);
        var snapshot = await Snapshot.LoadAsync(db, [.. years.SelectMany(y => new[] { y.Previous, y }).Distinct()], at, cancellationToken);
        var used = indicators.Where(i => i.Source == IndicatorSource.Computed).Select(i => i.Calculation).OfType<string>().ToHashSet(StringComparer.Ordinal);
        await Task.WhenAll(_calculations.Values.Where(c => used.Contains(c.Key))
            .Select(c => c.PrepareAsync(new CalculationContext(at, null, snapshot.From, snapshot.Until), cancellationToken)));
        var computed = new Dictionary<(Guid Indicator, int Year), (decimal?[] Quarters, decimal? Year, List<DatasetGap> Gaps)>();
        async Task<(decimal?[] Quarters, decimal? Year, List<DatasetGap> Gaps)> YearOf(Indicator indicator, ReportingYear year)
        {
            if (!computed.TryGetValue((indicator.Id, year.StartYear), out var result))
            {
                result = await YearAsync(indicator, year, snapshot, cancellationToken);
                computed[(indicator.Id, year.StartYear)] = result;
            }

            return result;
        }

        var results = new List<DatasetResult>();
        foreach (var year in years)
        {
            var rows = new List<DatasetRow>();
            foreach (var indicator in indicators)
            {
                var previous = await YearOf(indicator, year.Previous);
                var current = await YearOf(indicator, year);
                var difference = current.Year is { } y && previous.Year is { } p ? Round(indicator, y - p) : (decimal?)null;
                rows.Add(new DatasetRow(indicator, current.Quarters[0], current.Quarters[1], current.Quarters[2], current.Quarters[3], current.Year, previous.Year, difference, current.Gaps));
            }

            results.Add(new DatasetResult(year, at, rows));
        }

        return results;
    }

    /// <summary>
    /// The drill-down: which records a computed indicator counted for a quarter, as at an instant, by the same
    /// calculation that makes the dataset's figure. Null when the indicator is not computed by Safeguard.
    /// </summary>
    public async Task<IndicatorBreakdownResult?> BreakdownAsync(Guid indicatorId, ReportingQuarter quarter, DateTimeOffset? asAt = null, CancellationToken cancellationToken = default)
    {
        var at = asAt ?? db.Time.GetUtcNow();
        var indicator = await db.Set<Indicator>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator is not { Source: IndicatorSource.Computed, Calculation: { } key } || !indicator.IsComputedFor(quarter) || !_calculations.TryGetValue(key, out var calculation))
        {
            return null;
        }

        var snapshot = await Snapshot.LoadAsync(db, [quarter.Year], at, cancellationToken);
        var context = new CalculationContext(at, snapshot.Population(quarter.Year), quarter.Year.Start, quarter.Year.End);
        var breakdown = await calculation.BreakdownAsync(quarter, context, cancellationToken);
        var figure = breakdown.Figure(context.ChildPopulation);
        return new IndicatorBreakdownResult(indicator, quarter, at, breakdown, figure.Value is { } v ? Round(indicator, v) : null, figure.MissingReason);
    }

    private async Task<(decimal?[] Quarters, decimal? Year, List<DatasetGap> Gaps)> YearAsync(Indicator indicator, ReportingYear year, Snapshot snapshot, CancellationToken cancellationToken)
    {
        var quarters = new decimal?[4];
        var gaps = new List<DatasetGap>();
        var today = UkTime.ToUkDate(snapshot.AsAt);
        foreach (var quarter in year.Quarters)
        {
            var annual = indicator.Aggregation == IndicatorAggregation.Annual;
            if ((annual && quarter.Number != 4) || (quarter.Start > today && !(annual && indicator.Source == IndicatorSource.Context)))
            {
                // An annual context figure (the population, say) is known for the year before the year is over.
                continue;
            }

            var (value, reason) = await QuarterAsync(indicator, quarter, snapshot, today, cancellationToken);
            if (value is { } v)
            {
                quarters[quarter.Number - 1] = Round(indicator, v);
            }
            else if (reason is not null)
            {
                var period = indicator.Aggregation == IndicatorAggregation.Annual ? year.Name : quarter.Label;
                gaps.Add(new DatasetGap(period, indicator.Source == IndicatorSource.Returned ? indicator.SupplierAgency?.Name : null, reason));
            }
        }

        return (quarters, YearValue(indicator, year, quarters, today), gaps);
    }

    private static decimal? YearValue(Indicator indicator, ReportingYear year, decimal?[] quarters, DateOnly today)
    {
        // The year is only known when every quarter it needs is known: a missing quarter is a gap, not a zero.
        if (year.End >= today && indicator.Aggregation is not (IndicatorAggregation.Average or IndicatorAggregation.MonthEnd)
            && !(indicator.Aggregation == IndicatorAggregation.Annual && indicator.Source == IndicatorSource.Context))
        {
            return null;
        }

        return indicator.Aggregation switch
        {
            IndicatorAggregation.Total => quarters.All(q => q.HasValue) ? Round(indicator, quarters.Sum(q => q!.Value)) : null,
            IndicatorAggregation.Average or IndicatorAggregation.MonthEnd =>
                quarters.All(q => q.HasValue) ? Round(indicator, quarters.Average(q => q!.Value)) : null,
            IndicatorAggregation.QuarterEnd or IndicatorAggregation.Annual => quarters[3],
            _ => null,
        };
    }

    private async Task<(decimal? Value, string? Reason)> QuarterAsync(Indicator indicator, ReportingQuarter quarter, Snapshot snapshot, DateOnly today, CancellationToken cancellationToken)
    {
        var ended = quarter.End < today;
        switch (indicator.Source)
        {
            case IndicatorSource.Computed when !indicator.IsComputedFor(quarter):
                // Returned before Safeguard computed it: the quarter keeps the figure returned for it (ADR 0035).
                return snapshot.History(indicator, quarter);

            case IndicatorSource.Computed:
                if (indicator.Calculation is null || !_calculations.TryGetValue(indicator.Calculation, out var calculation))
                {
                    return (null, "Safeguard does not yet hold the records this indicator is computed from");
                }

                var figure = await calculation.CalculateAsync(quarter, new CalculationContext(snapshot.AsAt, snapshot.Population(quarter.Year), snapshot.From, snapshot.Until), cancellationToken);
                return (figure.Value, figure.MissingReason);

            case IndicatorSource.Context:
                return snapshot.Context(indicator.Id, quarter) is { } context
                    ? (context, null)
                    : (null, ended ? "Not entered by the business unit" : null);

            default:
                if (!ended)
                {
                    return (null, null);
                }

                return snapshot.Returned(indicator, quarter, today);
        }
    }

    private static decimal Round(Indicator indicator, decimal value) => indicator.Unit switch
    {
        IndicatorUnit.Count when indicator.Aggregation == IndicatorAggregation.Total => Math.Round(value, 0, MidpointRounding.AwayFromZero),
        IndicatorUnit.WorkingDays => Math.Round(value, 2, MidpointRounding.AwayFromZero),
        _ => Math.Round(value, 1, MidpointRounding.AwayFromZero),
    };

    /// <summary>The returned and context figures and the returns as they stood at one instant.</summary>
    private sealed class Snapshot
    {
        private readonly List<ContextFigure> _context;
        private readonly List<DataReturn> _returns;
        private readonly Dictionary<(Guid Request, Guid Indicator), ReturnedFigure> _figures;
        private readonly Guid? _populationId;

        private Snapshot(DateTimeOffset asAt, DateOnly from, DateOnly until, List<ContextFigure> context, List<DataReturn> returns, List<ReturnedFigure> figures, Guid? populationId)
        {
            AsAt = asAt;
            From = from;
            Until = until;
            _context = context;
            _returns = returns;
            _populationId = populationId;
            _figures = figures
                .GroupBy(f => (f.RequestId, f.IndicatorId))
                .ToDictionary(g => g.Key, g => g.OrderByDescending(f => f.RecordedAt).ThenByDescending(f => f.Id).First());
        }

        public DateTimeOffset AsAt { get; }

        /// <summary>The first day of the earliest year loaded.</summary>
        public DateOnly From { get; }

        /// <summary>The last day of the latest year loaded.</summary>
        public DateOnly Until { get; }

        public static async Task<Snapshot> LoadAsync(SafeguardDbContext db, ReportingYear[] years, DateTimeOffset asAt, CancellationToken cancellationToken)
        {
            var starts = years.Select(y => y.StartYear).ToList();
            var context = await db.Set<ContextFigure>().AsNoTracking().Where(c => starts.Contains(c.YearStart)).ToListAsync(cancellationToken);
            var returns = await db.Set<DataReturn>().AsNoTracking().Include(r => r.Requests).ThenInclude(q => q.Agency)
                .Where(r => starts.Contains(r.YearStart)).AsSplitQuery().ToListAsync(cancellationToken);
            var requestIds = returns.SelectMany(r => r.Requests).Select(q => q.Id).ToList();
            var figures = await db.Set<ReturnedFigure>().AsNoTracking().Where(f => requestIds.Contains(f.RequestId)).ToListAsync(cancellationToken);
            var populationId = await db.Set<Indicator>().Where(i => i.Code == PopulationCode).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken);

            // "As at": drop what was recorded, opened or submitted after the instant (instants compared in memory: SQLite stores them as ticks).
            context.RemoveAll(c => c.RecordedAt > asAt);
            returns.RemoveAll(r => r.OpenedAt > asAt);
            figures.RemoveAll(f => f.RecordedAt > asAt);
            return new Snapshot(asAt, years.Min(y => y.Start), years.Max(y => y.End), context, returns, figures, populationId);
        }

        public decimal? Population(ReportingYear year) =>
            _populationId is { } id ? Context(id, year.Quarter(4)) ?? Context(id, year.Quarter(1)) : null;

        /// <summary>The latest figure for the quarter, or else the latest for its whole year.</summary>
        public decimal? Context(Guid indicatorId, ReportingQuarter quarter)
        {
            var candidates = _context.Where(c => c.IndicatorId == indicatorId && c.YearStart == quarter.Year.StartYear).ToList();
            var forQuarter = candidates.Where(c => c.Quarter == quarter.Number).MaxBy(c => c.RecordedAt);
            return (forQuarter ?? candidates.Where(c => c.Quarter is null).MaxBy(c => c.RecordedAt))?.Value;
        }

        /// <summary>The figure returned for a quarter before the indicator was computed, from whichever agency's submitted request holds it.</summary>
        public (decimal? Value, string? Reason) History(Indicator indicator, ReportingQuarter quarter)
        {
            var requests = _returns.Where(r => r.YearStart == quarter.Year.StartYear && r.Quarter == quarter.Number)
                .SelectMany(r => r.Requests)
                .Where(q => q.SubmittedAt is { } submitted && submitted <= AsAt)
                .Select(q => q.Id)
                .ToHashSet();
            var figure = _figures.Values.Where(f => f.IndicatorId == indicator.Id && requests.Contains(f.RequestId)).MaxBy(f => f.RecordedAt);
            return figure switch
            {
                null => (null, $"No figure was returned for {quarter.Name}, before Safeguard computed this indicator from its records"),
                { Value: { } value } => (value, null),
                _ => (null, DataReturnService.Describe(figure.MissingReason) + (string.IsNullOrWhiteSpace(figure.Comment) ? "" : $": {figure.Comment}")),
            };
        }

        public (decimal? Value, string? Reason) Returned(Indicator indicator, ReportingQuarter quarter, DateOnly today)
        {
            if (indicator.SupplierAgencyId is not { } agencyId)
            {
                return (null, "No agency is named to supply this figure");
            }

            var dataReturn = _returns.FirstOrDefault(r => r.YearStart == quarter.Year.StartYear && r.Quarter == quarter.Number);
            if (dataReturn is null)
            {
                return (null, $"No data return has been opened for {quarter.Name}");
            }

            var request = dataReturn.Requests.FirstOrDefault(q => q.AgencyId == agencyId);
            if (request is null)
            {
                return (null, $"The {quarter.Name} return did not ask this agency (it was named as supplier after the return opened)");
            }

            if (request.SubmittedAt is not { } submitted || submitted > AsAt)
            {
                var late = request.DueOn < today ? $"late: was due {request.DueOn:d MMMM yyyy}" : $"due {request.DueOn:d MMMM yyyy}";
                return (null, $"Not yet submitted ({late})");
            }

            if (!_figures.TryGetValue((request.Id, indicator.Id), out var figure))
            {
                return (null, "The submitted return has no entry for this indicator");
            }

            return figure.Value is { } value
                ? (value, null)
                : (null, DataReturnService.Describe(figure.MissingReason) + (string.IsNullOrWhiteSpace(figure.Comment) ? "" : $": {figure.Comment}"));
        }
    }
}
