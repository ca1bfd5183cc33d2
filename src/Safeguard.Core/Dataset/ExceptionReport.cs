using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Dataset;

/// <summary>What a figure is compared with.</summary>
public enum ExceptionComparison
{
    /// <summary>The latest quarter against the quarter before it (Q1 against last year's Q4).</summary>
    PreviousQuarter,

    /// <summary>The latest quarter against the same quarter of the previous year.</summary>
    SameQuarterLastYear,

    /// <summary>The year against the previous year, once the year is over.</summary>
    PreviousYear,

    /// <summary>The latest figure against a benchmark the business unit entered.</summary>
    Benchmark,
}

/// <summary>Whether a change is good news, by the indicator's polarity.</summary>
public enum ExceptionDirection
{
    Better,
    Worse,

    /// <summary>The indicator has no better direction (its polarity is neither): the change is reported, not judged.</summary>
    Neither,
}

/// <summary>A change larger than the indicator's tolerance.</summary>
/// <remarks>Period: The figure's period: "2026-27 Q2", or the year's name. ComparedWith: What it is compared with: another period, or a benchmark with its year. Change: The figure minus the baseline, in the indicator's unit. ChangePercent: The change as a percentage of the baseline (relative, not percentage points); null when the baseline is 0.</remarks>
public sealed record IndicatorException(
    Indicator Indicator,
    ExceptionComparison Comparison,
    string Period,
    string ComparedWith,
    decimal Value,
    decimal Baseline,
    decimal Change,
    decimal? ChangePercent,
    ExceptionDirection Direction,
    string? BenchmarkSource = null);

/// <summary>A figure the report needed and did not have: listed with its reason, never compared as if it were 0.</summary>
/// <remarks>Blocks: The comparisons that could not be made without it.</remarks>
public sealed record ExceptionGap(Indicator Indicator, string Period, string? Agency, string Reason, IReadOnlyList<ExceptionComparison> Blocks);

/// <summary>The exception report for a reporting year as known at an instant.</summary>
/// <remarks>LatestQuarter: The last quarter of the year that had ended at the instant; null before the first has.</remarks>
public sealed record ExceptionReportResult(
    ReportingYear Year,
    DateTimeOffset AsAt,
    ReportingQuarter? LatestQuarter,
    bool YearIsOver,
    IReadOnlyList<IndicatorException> Exceptions,
    IReadOnlyList<ExceptionGap> Gaps);

/// <summary>
/// Finds the indicators whose latest figures moved by more than their tolerance: against the previous quarter, the
/// same quarter last year, the previous year (once the year is over) and each benchmark. Tolerance is relative: a
/// change is an exception when |figure − baseline| ÷ |baseline| × 100 exceeds <see cref="Indicator.TolerancePercent"/>
/// (so for a percentage indicator 20% → 23% is a 15% change, not 3 points). A change from a baseline of 0 to anything
/// else is always an exception. Exactly at the tolerance is not an exception.
/// </summary>
public static class ExceptionReport
{
    public static ExceptionReportResult Build(DatasetResult current, DatasetResult previous, IReadOnlyList<IndicatorBenchmark> benchmarks)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(benchmarks);
        var today = UkTime.ToUkDate(current.AsAt);
        var year = current.Year;
        ReportingQuarter? latest = year.Quarters.LastOrDefault(q => q.End < today) is { Number: > 0 } q ? q : null;
        var yearIsOver = year.End < today;
        var previousRows = previous.Rows.ToDictionary(r => r.Indicator.Id);
        var exceptions = new List<IndicatorException>();
        var gaps = new Dictionary<(Guid, string), (ExceptionGap Gap, List<ExceptionComparison> Blocks)>();

        foreach (var row in current.Rows)
        {
            var indicator = row.Indicator;
            var before = previousRows.GetValueOrDefault(indicator.Id);
            var annual = indicator.Aggregation == IndicatorAggregation.Annual;
            var figures = new Figures(year, row, before, gaps);

            if (!annual && latest is { } quarter)
            {
                var value = figures.Quarter(quarter);
                var prior = quarter.Number == 1 ? year.Previous.Quarter(4) : year.Quarter(quarter.Number - 1);
                Compare(indicator, ExceptionComparison.PreviousQuarter, quarter.Name, value, prior.Name, figures.Quarter(prior), null, exceptions, figures);
                var sameLastYear = year.Previous.Quarter(quarter.Number);
                Compare(indicator, ExceptionComparison.SameQuarterLastYear, quarter.Name, value, sameLastYear.Name, figures.Quarter(sameLastYear), null, exceptions, figures);
            }

            if (yearIsOver)
            {
                Compare(indicator, ExceptionComparison.PreviousYear, year.Name, figures.Year(year), year.Previous.Name, figures.Year(year.Previous), null, exceptions, figures);
            }

            // A benchmark is a figure for a year. The year's figure is compared once the year is over; before then
            // the latest quarter's, except for a total, whose quarters are parts of the year and not comparable.
            (string Period, Func<Lookup?> Value)? compared = yearIsOver
                ? (year.Name, () => figures.Year(year))
                : !annual && indicator.Aggregation != IndicatorAggregation.Total && latest is { } lq ? (lq.Name, () => figures.Quarter(lq)) : null;
            if (compared is { } c)
            {
                foreach (var kind in Enum.GetValues<BenchmarkKind>())
                {
                    var benchmark = benchmarks
                        .Where(b => b.IndicatorId == indicator.Id && b.Kind == kind && b.YearStart <= year.StartYear)
                        .MaxBy(b => b.YearStart);
                    if (benchmark is not null)
                    {
                        var label = $"{BenchmarkAdministration.Describe(kind)} {new ReportingYear(benchmark.YearStart).Name}";
                        Compare(indicator, ExceptionComparison.Benchmark, c.Period, c.Value(), label, new Lookup(benchmark.Value, null, null, label), benchmark.Source, exceptions, figures);
                    }
                }
            }
        }

        return new ExceptionReportResult(year, current.AsAt, latest, yearIsOver, exceptions,
            [.. gaps.Values.Select(g => g.Gap with { Blocks = [.. g.Blocks.Distinct()] })]);
    }

    /// <summary>Whether <paramref name="value"/> is further from <paramref name="baseline"/> than <paramref name="tolerancePercent"/> per cent of the baseline.</summary>
    public static bool Exceeds(decimal value, decimal baseline, decimal tolerancePercent, out decimal? changePercent)
    {
        if (baseline == 0)
        {
            changePercent = null;
            return value != 0;
        }

        changePercent = (value - baseline) / Math.Abs(baseline) * 100m;
        return Math.Abs(changePercent.Value) > tolerancePercent;
    }

    public static ExceptionDirection DirectionOf(IndicatorPolarity polarity, decimal change) => polarity switch
    {
        IndicatorPolarity.HigherIsBetter => change > 0 ? ExceptionDirection.Better : ExceptionDirection.Worse,
        IndicatorPolarity.LowerIsBetter => change < 0 ? ExceptionDirection.Better : ExceptionDirection.Worse,
        _ => ExceptionDirection.Neither,
    };

    public static string Describe(ExceptionComparison comparison) => comparison switch
    {
        ExceptionComparison.PreviousQuarter => "Previous quarter",
        ExceptionComparison.SameQuarterLastYear => "Same quarter last year",
        ExceptionComparison.PreviousYear => "Previous year",
        _ => "Benchmark",
    };

    public static string Describe(ExceptionDirection direction) => direction switch
    {
        ExceptionDirection.Better => "Better",
        ExceptionDirection.Worse => "Worse",
        _ => "No better or worse",
    };

    private static void Compare(Indicator indicator, ExceptionComparison comparison, string period, Lookup? value, string comparedWith, Lookup? baseline, string? source, List<IndicatorException> exceptions, Figures figures)
    {
        if (value?.Value is not { } v || baseline?.Value is not { } b)
        {
            figures.Missing(value, comparison);
            figures.Missing(baseline, comparison);
            return;
        }

        if (Exceeds(v, b, indicator.TolerancePercent, out var percent))
        {
            exceptions.Add(new IndicatorException(indicator, comparison, period, comparedWith, v, b, v - b, percent is { } p ? Math.Round(p, 1, MidpointRounding.AwayFromZero) : null, DirectionOf(indicator.Polarity, v - b), source));
        }
    }

    /// <summary>A figure looked up for a comparison, or why there is none.</summary>
    private sealed record Lookup(decimal? Value, string? Agency, string? Reason, string Period);

    private sealed class Figures(ReportingYear currentYear, DatasetRow row, DatasetRow? before, Dictionary<(Guid, string), (ExceptionGap Gap, List<ExceptionComparison> Blocks)> gaps)
    {
        public Lookup? Quarter(ReportingQuarter quarter)
        {
            var source = quarter.Year == currentYear ? row : before;
            if (source is null)
            {
                return null;
            }

            var gap = source.Gaps.FirstOrDefault(g => g.Period == quarter.Label);
            return new Lookup(source.Quarters[quarter.Number - 1], gap?.Agency, gap?.Reason, quarter.Name);
        }

        public Lookup? Year(ReportingYear year)
        {
            var source = year == currentYear ? row : before;
            if (source is null)
            {
                return null;
            }

            var missing = source.Gaps.Where(g => g.Period == year.Name || g.Period.StartsWith('Q')).ToList();
            var reason = missing.Count == 0 ? null : string.Join("; ", missing.Select(g => g.Period == year.Name ? g.Reason : $"{g.Period}: {g.Reason}"));
            return new Lookup(source.Year, missing.Select(g => g.Agency).FirstOrDefault(a => a is not null), reason, year.Name);
        }

        public void Missing(Lookup? lookup, ExceptionComparison comparison)
        {
            if (lookup is null || lookup.Value is not null)
            {
                return;
            }

            var key = (row.Indicator.Id, lookup.Period);
            if (!gaps.TryGetValue(key, out var entry))
            {
                entry = (new ExceptionGap(row.Indicator, lookup.Period, lookup.Agency, lookup.Reason ?? $"There is no figure for {lookup.Period}", []), []);
                gaps[key] = entry;
            }

            entry.Blocks.Add(comparison);
        }
    }
}

/// <summary>The formats the exception report is written in (the CLI also prints a table).</summary>
public enum ExceptionReportFormat
{
    Csv,
    Json,
    Xlsx,
}

/// <summary>Computes the exception report from the dataset (this year and last, as at one instant) and the benchmarks.</summary>
public sealed class ExceptionReportService(DatasetCache datasets, SafeguardDbContext db)
{
    public static readonly IReadOnlyList<string> ExceptionHeadings =
        ["Indicator", "Title", "Comparison", "Period", "Compared with", "Figure", "Baseline", "Change", "Change %", "Tolerance %", "Direction", "Benchmark source"];

    public static readonly IReadOnlyList<string> GapHeadings = ["Indicator", "Title", "Period", "Agency", "Reason", "Comparisons not made"];

    public async Task<ExceptionReportResult> BuildAsync(ReportingYear year, DateTimeOffset? asAt = null, CancellationToken cancellationToken = default)
    {
        var figures = await datasets.ComputeAsync(db, [year.Previous, year], asAt, cancellationToken);
        var (previous, current) = (figures[0], figures[1]);
        var benchmarks = await db.Set<IndicatorBenchmark>().AsNoTracking().Where(b => b.YearStart <= year.StartYear).ToListAsync(cancellationToken);
        return ExceptionReport.Build(current, previous, benchmarks);
    }

    public static async Task WriteAsync(ExceptionReportResult result, ExceptionReportFormat format, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        switch (format)
        {
            case ExceptionReportFormat.Json:
                await WriteJsonAsync(result, stream, cancellationToken);
                break;
            case ExceptionReportFormat.Csv:
                // One table: each exception, then each gap with its reason and no figures.
                IReadOnlyList<string> headings = ["Kind", .. ExceptionHeadings, "Reason"];
                var rows = ExceptionCells(result).Select(r => (IReadOnlyList<object?>)["Exception", .. r, null])
                    .Concat(result.Gaps.Select(g => (IReadOnlyList<object?>)["Gap", g.Indicator.Code, g.Indicator.Title, Blocked(g), g.Period, null, null, null, null, null, null, null, g.Agency, g.Reason]));
                await Spreadsheet.WriteCsvAsync(stream, headings, rows, cancellationToken);
                break;
            default:
                Spreadsheet.WriteXlsx(stream,
                    new SpreadsheetSheet($"Exceptions {result.Year.Name}", ExceptionHeadings, ExceptionCells(result)),
                    new SpreadsheetSheet($"Gaps {result.Year.Name}", GapHeadings, result.Gaps.Select(g => (IReadOnlyList<object?>)[g.Indicator.Code, g.Indicator.Title, g.Period, g.Agency, g.Reason, Blocked(g)])));
                break;
        }
    }

    public static string Blocked(ExceptionGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        return string.Join("; ", gap.Blocks.Select(ExceptionReport.Describe));
    }

    private static IEnumerable<IReadOnlyList<object?>> ExceptionCells(ExceptionReportResult result) => result.Exceptions.Select(e => (IReadOnlyList<object?>)
    [
        e.Indicator.Code, e.Indicator.Title, ExceptionReport.Describe(e.Comparison), e.Period, e.ComparedWith,
        e.Value, e.Baseline, e.Change, e.ChangePercent, e.Indicator.TolerancePercent, ExceptionReport.Describe(e.Direction), e.BenchmarkSource,
    ]);

    private static async Task WriteJsonAsync(ExceptionReportResult result, Stream stream, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("year", result.Year.Name);
        writer.WriteString("asAt", result.AsAt.ToString("O", CultureInfo.InvariantCulture));
        Text(writer, "latestQuarter", result.LatestQuarter?.Name);
        writer.WriteStartArray("exceptions");
        foreach (var e in result.Exceptions)
        {
            writer.WriteStartObject();
            writer.WriteString("id", e.Indicator.Code);
            writer.WriteString("title", e.Indicator.Title);
            writer.WriteString("comparison", e.Comparison.ToString());
            writer.WriteString("period", e.Period);
            writer.WriteString("comparedWith", e.ComparedWith);
            writer.WriteNumber("value", DatasetExport.Normalise(e.Value));
            writer.WriteNumber("baseline", DatasetExport.Normalise(e.Baseline));
            writer.WriteNumber("change", DatasetExport.Normalise(e.Change));
            if (e.ChangePercent is { } p)
            {
                writer.WriteNumber("changePercent", DatasetExport.Normalise(p));
            }
            else
            {
                writer.WriteNull("changePercent");
            }

            writer.WriteNumber("tolerancePercent", DatasetExport.Normalise(e.Indicator.TolerancePercent));
            writer.WriteString("direction", e.Direction.ToString());
            Text(writer, "benchmarkSource", e.BenchmarkSource);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("gaps");
        foreach (var g in result.Gaps)
        {
            writer.WriteStartObject();
            writer.WriteString("id", g.Indicator.Code);
            writer.WriteString("period", g.Period);
            Text(writer, "agency", g.Agency);
            writer.WriteString("reason", g.Reason);
            writer.WriteStartArray("blocks");
            foreach (var b in g.Blocks)
            {
                writer.WriteStringValue(b.ToString());
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    private static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
