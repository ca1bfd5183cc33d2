using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Dataset;

/// <summary>One period's figure on the dashboard, or why there is none.</summary>
/// <remarks>Period: "Q1"…"Q4", or "Year". Name: The period in full: "2026-27 Q1", or the year's name. Gap: Why there is no figure, when the figure was due and is missing; never a zero. Pending: The period has not ended (or the year is not complete), so no figure is expected yet.</remarks>
public sealed record DashboardCell(string Period, string Name, decimal? Value, string? Gap, bool Pending);

/// <summary>An indicator's figures for one reporting year: its quarters (none for an annual indicator) and the year.</summary>
public sealed record DashboardYear(ReportingYear Year, IReadOnlyList<DashboardCell> Quarters, DashboardCell YearFigure);

/// <summary>An indicator over the years shown, oldest first, with the benchmarks entered for those years.</summary>
public sealed record DashboardSeries(Indicator Indicator, IReadOnlyList<DashboardYear> Years, IReadOnlyList<IndicatorBenchmark> Benchmarks)
{
    /// <summary>The points the chart draws: each quarter in order (each year for an annual indicator).</summary>
    public IReadOnlyList<DashboardCell> Points => Indicator.Aggregation == IndicatorAggregation.Annual
        ? [.. Years.Select(y => y.YearFigure)]
        : [.. Years.SelectMany(y => y.Quarters)];
}

/// <summary>The dashboard: the chosen year and up to three before it, as known at one instant.</summary>
public sealed record DashboardResult(ReportingYear Year, DateTimeOffset AsAt, IReadOnlyList<ReportingYear> Years, IReadOnlyList<DashboardSeries> Series);

/// <summary>
/// Builds the dashboard's series from the dataset, computing the years shown together (not once per indicator),
/// so the page costs the same however many indicators it shows.
/// </summary>
public sealed class DashboardService(DatasetCache datasets, SafeguardDbContext db)
{
    /// <summary>How many years before the chosen one are shown, at most.</summary>
    public const int EarlierYears = 3;

    /// <remarks>group: Only the indicators of this group (1-8), or all. indicatorCode: Only this indicator, or all.</remarks>
    public async Task<DashboardResult> BuildAsync(ReportingYear year, int? group = null, string? indicatorCode = null, DateTimeOffset? asAt = null, CancellationToken cancellationToken = default)
    {
        var years = await YearsAsync(year, cancellationToken);
        var figures = await datasets.ComputeAsync(db, years, asAt, cancellationToken);
        var at = figures[0].AsAt;
        var today = UkTime.ToUkDate(at);

        var starts = years.Select(y => y.StartYear).ToList();
        var benchmarks = await db.Set<IndicatorBenchmark>().AsNoTracking().Where(b => starts.Contains(b.YearStart)).ToListAsync(cancellationToken);
        var rowsByYear = figures.Select(d => d.Rows.ToDictionary(r => r.Indicator.Id)).ToList();
        var series = new List<DashboardSeries>();
        foreach (var row in figures[^1].Rows)
        {
            var indicator = row.Indicator;
            if ((group is { } g && indicator.GroupNumber != g) || (indicatorCode is not null && indicator.Code != indicatorCode))
            {
                continue;
            }

            var perYear = new List<DashboardYear>();
            for (var i = 0; i < years.Count; i++)
            {
                if (rowsByYear[i].TryGetValue(indicator.Id, out var yearRow))
                {
                    perYear.Add(YearOf(yearRow, years[i], today));
                }
            }

            series.Add(new DashboardSeries(indicator, perYear,
                [.. benchmarks.Where(b => b.IndicatorId == indicator.Id).OrderBy(b => b.YearStart).ThenBy(b => b.Kind)]));
        }

        return new DashboardResult(year, at, years, series);
    }

    /// <summary>The chosen year and up to <see cref="EarlierYears"/> before it, but none before the partnership's first data return or context figure.</summary>
    private async Task<IReadOnlyList<ReportingYear>> YearsAsync(ReportingYear year, CancellationToken cancellationToken)
    {
        var firstReturn = await db.Set<DataReturn>().MinAsync(r => (int?)r.YearStart, cancellationToken);
        var firstContext = await db.Set<ContextFigure>().MinAsync(c => (int?)c.YearStart, cancellationToken);
        var first = Math.Min(firstReturn ?? year.StartYear, firstContext ?? year.StartYear);
        var from = Math.Max(year.StartYear - EarlierYears, Math.Min(first, year.StartYear));
        return [.. Enumerable.Range(from, year.StartYear - from + 1).Select(y => new ReportingYear(y))];
    }

    private static DashboardYear YearOf(DatasetRow row, ReportingYear year, DateOnly today)
    {
        var annual = row.Indicator.Aggregation == IndicatorAggregation.Annual;
        var quarters = annual ? [] : year.Quarters.Select(q =>
        {
            var value = row.Quarters[q.Number - 1];
            var gap = row.Gaps.FirstOrDefault(g => g.Period == q.Label);
            var pending = value is null && gap is null && q.End >= today;
            return new DashboardCell(q.Label, q.Name, value, value is null && !pending ? Reason(gap) ?? "No figure" : null, pending);
        }).ToList();

        string? yearGap = null;
        var yearPending = false;
        if (row.Year is null)
        {
            var missing = row.Gaps.ToList();
            if (year.End >= today && !annual)
            {
                yearPending = true; // the year is not over: its figure is not due, whatever its quarters
            }
            else if (missing.Count > 0)
            {
                yearGap = annual
                    ? Reason(missing[0])
                    : $"Not known while {string.Join(", ", missing.Select(g => g.Period))} {(missing.Count == 1 ? "is" : "are")} missing";
            }
            else if (year.End >= today)
            {
                yearPending = true;
            }
            else
            {
                yearGap = "No figure";
            }
        }

        return new DashboardYear(year, quarters, new DashboardCell("Year", year.Name, row.Year, yearGap, yearPending));
    }

    private static string? Reason(DatasetGap? gap) => gap is null ? null : gap.Agency is null ? gap.Reason : $"{gap.Reason} ({gap.Agency})";
}
