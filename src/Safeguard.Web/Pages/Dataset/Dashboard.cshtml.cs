using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>
/// Each indicator over time: a chart (Chart.js, drawn by wwwroot/js/dashboard-charts.js from the figures in the
/// canvas's data-chart attribute) and beside it the same figures in a table, with every gap and its reason.
/// </summary>
[RequirePermission("performance.view")]
public sealed class DashboardModel(DashboardService dashboard, TimeProvider time) : DatasetPageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Only this group's indicators (1-8) with their charts; 0 for every group's charts; none for the overview.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Group { get; set; }

    /// <summary>No group chosen: one line per indicator with its latest figure, and links to the charts, instead of every chart.</summary>
    public bool Overview => Group is null;

    /// <summary>Compute as at the end of this UK day (yyyy-mm-dd), when given.</summary>
    [BindProperty(SupportsGet = true, Name = "as-at")]
    public string? AsAt { get; set; }

    public AsAtField AsAtField { get; private set; } = new(null, null, null, null);

    public string? AsAtError => AsAtField.Error;

    /// <summary>The as-at date the figures are computed at, or null for now (also when the date typed cannot be read).</summary>
    public string? ValidAsAt => AsAtError is null && !string.IsNullOrWhiteSpace(AsAt) ? AsAt.Trim() : null;

    public DashboardResult? Result { get; private set; }

    public IReadOnlyList<SelectListItem> YearItems { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> GroupItems() =>
        [new("Overview: every indicator's latest figure", ""), new("Every group's charts", "0"), .. Enumerable.Range(1, 8).Select(g => new SelectListItem($"{g}. {IndicatorCatalogue.GroupTitle(g)}", g.ToString(CultureInfo.InvariantCulture)))];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = ReportingYear.Of(UkTime.Today(time));
        var year = YearOr(Year, current);
        Year = year.StartYear;
        Group = Group is >= 0 and <= 8 ? Group : null;
        YearItems = [.. Enumerable.Range(current.StartYear - 4, 5).Reverse().Select(y => new SelectListItem(new ReportingYear(y).Name, y.ToString(CultureInfo.InvariantCulture)))];
        AsAtField = ReadAsAt(AsAt, out var asAtValue, out var asAt);
        AsAt = asAtValue;

        Result = await dashboard.BuildAsync(year, Group is 0 ? null : Group, asAt: asAt, cancellationToken: cancellationToken);
    }

    /// <summary>The link to an indicator's chart: its group's page, at the indicator.</summary>
    public string ChartLink(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return $"/dataset/dashboard?year={Year}&group={indicator.GroupNumber}" + (ValidAsAt is { } a ? $"&as-at={Uri.EscapeDataString(a)}" : "") + "#" + Anchor(indicator);
    }

    /// <summary>One line of the overview: the latest figure, the one before it, and the target and England average for the year shown.</summary>
    public static OverviewLine Summarise(DashboardSeries series, ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(series);
        var known = series.Points.Where(p => p.Value is not null).ToList();
        var latest = known.Count > 0 ? known[^1] : null;
        var previous = known.Count > 1 ? known[^2] : null;
        var missing = series.Points.Count(p => p.Gap is not null);
        decimal? Of(BenchmarkKind kind) => series.Benchmarks.Where(b => b.Kind == kind && b.YearStart <= year.StartYear).MaxBy(b => b.YearStart)?.Value;
        return new OverviewLine(series.Indicator, latest, previous, Of(BenchmarkKind.Target), Of(BenchmarkKind.England), missing);
    }

    /// <summary>Whether a move from <paramref name="from"/> to <paramref name="to"/> is better, worse or neither, by the indicator's polarity.</summary>
    public static string Direction(Indicator indicator, decimal from, decimal to)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (to == from)
        {
            return "no change";
        }

        var up = to > from;
        return indicator.Polarity switch
        {
            IndicatorPolarity.HigherIsBetter => up ? "better" : "worse",
            IndicatorPolarity.LowerIsBetter => up ? "worse" : "better",
            _ => up ? "up" : "down",
        };
    }

    /// <summary>Whether the latest figure meets the target, by the indicator's polarity; null when either is missing or the indicator has no better direction.</summary>
    public static bool? MeetsTarget(Indicator indicator, decimal? latest, decimal? target)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (latest is not { } value || target is not { } aim)
        {
            return null;
        }

        return indicator.Polarity switch
        {
            IndicatorPolarity.HigherIsBetter => value >= aim,
            IndicatorPolarity.LowerIsBetter => value <= aim,
            _ => null,
        };
    }

    /// <summary>The link to download one indicator's table, for the year and as-at shown.</summary>
    public string DownloadLink(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return $"/dataset/dashboard/download?indicator={Uri.EscapeDataString(indicator.Code)}&year={Year}" + (ValidAsAt is { } a ? $"&as-at={Uri.EscapeDataString(a)}" : "");
    }

    public static string Anchor(Indicator indicator) => "indicator-" + indicator.Code.Replace('.', '-');

    /// <summary>The figures the chart draws, as JSON for the canvas's data-chart attribute (no inline script: the page's scripts are all files).</summary>
    public static string ChartData(DashboardSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var points = series.Points;
        var benchmarks = series.Benchmarks.GroupBy(b => b.Kind).Select(g => new
        {
            label = BenchmarkAdministration.Describe(g.Key),
            values = points.Select(p => g.FirstOrDefault(b => p.Name.StartsWith(new ReportingYear(b.YearStart).Name, StringComparison.Ordinal))?.Value is { } v ? DatasetExport.Normalise(v) : (decimal?)null),
        });
        return JsonSerializer.Serialize(new
        {
            label = $"{series.Indicator.Code} {series.Indicator.Title}",
            unit = DatasetExport.Describe(series.Indicator.Unit),
            percentage = series.Indicator.Unit == IndicatorUnit.Percentage,
            labels = points.Select(p => p.Name),
            values = points.Select(p => p.Value is { } v ? DatasetExport.Normalise(v) : (decimal?)null),
            benchmarks,
        }, Json);
    }

    /// <summary>What the chart shows, for people who cannot see it; the table after it has every figure.</summary>
    public static string ChartSummary(DashboardSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var unit = series.Indicator.Unit;
        var points = series.Points;
        var known = points.Where(p => p.Value is not null).ToList();
        var text = $"Line chart of {series.Indicator.Code} {series.Indicator.Title}, {points[0].Name} to {points[^1].Name}. ";
        if (known.Count == 0)
        {
            text += "There are no figures to draw yet. ";
        }
        else
        {
            var latest = known[^1];
            var highest = known.MaxBy(p => p.Value)!;
            var lowest = known.MinBy(p => p.Value)!;
            text += $"Latest {Figure(latest.Value, unit)} in {latest.Name}; highest {Figure(highest.Value, unit)} in {highest.Name}; lowest {Figure(lowest.Value, unit)} in {lowest.Name}. ";
        }

        var gaps = points.Count(p => p.Gap is not null);
        if (gaps > 0)
        {
            text += $"{gaps} missing {(gaps == 1 ? "figure is" : "figures are")} left as a break in the line. ";
        }

        return text + "Every figure and the reason for each gap are in the table that follows.";
    }
}

/// <summary>An indicator's line on the dashboard's overview.</summary>
/// <remarks>Latest: The latest period with a figure. Previous: The period with a figure before it. Target: The partnership's target for the year (or the latest year before it with one). England: The England average likewise. Gaps: How many periods shown have a missing figure.</remarks>
public sealed record OverviewLine(Indicator Indicator, DashboardCell? Latest, DashboardCell? Previous, decimal? Target, decimal? England, int Gaps);
