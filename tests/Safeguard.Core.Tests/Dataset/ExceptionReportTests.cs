using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Core.Tests.CaseReviews;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Dataset;

/// <summary>
/// The exception report worked out by hand: 2026-27 as at 20 November 2026 (Q2 is the latest quarter that has
/// ended), against Q1 and against 2025-26 Q2, with each indicator's tolerance relative to the baseline.
/// </summary>
public class ExceptionReportTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;
    private static readonly ReportingYear ThisYear = new(2026);
    private static readonly DateTimeOffset AsAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static Indicator Make(string code, IndicatorPolarity polarity, decimal tolerance = 10m, IndicatorUnit unit = IndicatorUnit.Count, IndicatorAggregation aggregation = IndicatorAggregation.QuarterEnd) =>
        new() { Code = code, Title = $"Indicator {code}", Definition = "d", Polarity = polarity, TolerancePercent = tolerance, Unit = unit, Aggregation = aggregation };

    private static DatasetRow Row(Indicator indicator, decimal? q1, decimal? q2, params DatasetGap[] gaps) =>
        new(indicator, q1, q2, null, null, null, null, null, gaps);

    private static ExceptionReportResult Report(IEnumerable<(DatasetRow Now, DatasetRow Before)> rows, params IndicatorBenchmark[] benchmarks)
    {
        var list = rows.ToList();
        return ExceptionReport.Build(
            new DatasetResult(ThisYear, AsAt, [.. list.Select(r => r.Now)]),
            new DatasetResult(ThisYear.Previous, AsAt, [.. list.Select(r => r.Before)]),
            benchmarks);
    }

    [Fact]
    public void A_rise_beyond_tolerance_is_better_when_higher_is_better_and_worse_when_lower_is_better()
    {
        var higher = Make("9.1", IndicatorPolarity.HigherIsBetter);
        var lower = Make("9.2", IndicatorPolarity.LowerIsBetter);

        // Q1 100 → Q2 120: +20, 20% of 100, over the 10% tolerance. Last year's Q2 was 115: +5, 4.3%, within it.
        var result = Report([
            (Row(higher, 100, 120), Row(higher, 90, 115)),
            (Row(lower, 100, 120), Row(lower, 90, 115)),
        ]);

        Assert.Equal(ThisYear.Quarter(2), result.LatestQuarter);
        var better = Assert.Single(result.Exceptions, e => e.Indicator == higher);
        Assert.Equal((ExceptionComparison.PreviousQuarter, "2026-27 Q2", "2026-27 Q1"), (better.Comparison, better.Period, better.ComparedWith));
        Assert.Equal((120m, 100m, 20m, 20m, ExceptionDirection.Better), (better.Value, better.Baseline, better.Change, better.ChangePercent, better.Direction));
        var worse = Assert.Single(result.Exceptions, e => e.Indicator == lower);
        Assert.Equal((ExceptionComparison.PreviousQuarter, ExceptionDirection.Worse), (worse.Comparison, worse.Direction));
        Assert.Empty(result.Gaps);
    }

    [Fact]
    public void A_fall_beyond_tolerance_is_worse_when_higher_is_better_better_when_lower_is_better_and_unjudged_when_neither()
    {
        var higher = Make("9.1", IndicatorPolarity.HigherIsBetter);
        var lower = Make("9.2", IndicatorPolarity.LowerIsBetter);
        var neither = Make("9.3", IndicatorPolarity.Neutral);

        // Against the same quarter last year: 80 against 100 is -20%.
        var result = Report([
            (Row(higher, 80, 80), Row(higher, 80, 100)),
            (Row(lower, 80, 80), Row(lower, 80, 100)),
            (Row(neither, 80, 80), Row(neither, 80, 100)),
        ]);

        Assert.All(result.Exceptions, e => Assert.Equal((ExceptionComparison.SameQuarterLastYear, "2025-26 Q2", -20m, -20m), (e.Comparison, e.ComparedWith, e.Change, e.ChangePercent)));
        Assert.Equal(
            [ExceptionDirection.Worse, ExceptionDirection.Better, ExceptionDirection.Neither],
            result.Exceptions.Select(e => e.Direction));
    }

    [Fact]
    public void A_change_within_or_exactly_at_the_tolerance_is_silent()
    {
        var at = Make("9.1", IndicatorPolarity.HigherIsBetter, tolerance: 10m);
        var within = Make("9.2", IndicatorPolarity.HigherIsBetter, tolerance: 25m);
        var just = Make("9.3", IndicatorPolarity.HigherIsBetter, tolerance: 10m);

        var result = Report([
            (Row(at, 100, 110), Row(at, 0, 100)),       // +10% on Q1 and on last year: exactly the tolerance
            (Row(within, 100, 120), Row(within, 0, 96)), // +20%, +25%: within 25%
            (Row(just, 100, 110.1m), Row(just, 0, 110.1m)), // +10.1% on Q1: just over
        ]);

        var only = Assert.Single(result.Exceptions);
        Assert.Equal((just, ExceptionComparison.PreviousQuarter, 10.1m), (only.Indicator, only.Comparison, only.ChangePercent));
    }

    [Fact]
    public void Tolerance_is_relative_to_the_baseline_not_percentage_points()
    {
        var rate = Make("5.2", IndicatorPolarity.LowerIsBetter, tolerance: 5m, unit: IndicatorUnit.Percentage, aggregation: IndicatorAggregation.Average);

        // 50% → 54% is 4 percentage points (less than 5) but 8% of 50 (more than 5%): an exception.
        // 50% → 52.5% last year is 2.5 points and exactly 5%: silent.
        var result = Report([(Row(rate, 50, 54), Row(rate, 0, 51.5m))]);

        var exception = Assert.Single(result.Exceptions);
        Assert.Equal((ExceptionComparison.PreviousQuarter, 4m, 8m, ExceptionDirection.Worse), (exception.Comparison, exception.Change, exception.ChangePercent, exception.Direction));
        Assert.True(ExceptionReport.Exceeds(54m, 50m, 5m, out _));
        Assert.False(ExceptionReport.Exceeds(52.5m, 50m, 5m, out var exactly));
        Assert.Equal(5m, exactly);
    }

    [Fact]
    public void A_missing_figure_is_a_gap_with_its_reason_never_compared_as_zero_and_a_zero_baseline_is_an_exception()
    {
        var returned = Make("3.1", IndicatorPolarity.LowerIsBetter);
        var counted = Make("6.6", IndicatorPolarity.LowerIsBetter);
        var late = new DatasetGap("Q2", "Police", "Not yet submitted (late: was due 31 October 2026)");

        var result = Report([
            (Row(returned, 100, null, late), Row(returned, 0, 100)),
            (Row(counted, 0, 3), Row(counted, 0, 3)),
        ]);

        var gap = Assert.Single(result.Gaps);
        Assert.Equal((returned, "2026-27 Q2", "Police", late.Reason), (gap.Indicator, gap.Period, gap.Agency, gap.Reason));
        Assert.Equal([ExceptionComparison.PreviousQuarter, ExceptionComparison.SameQuarterLastYear], gap.Blocks);
        Assert.DoesNotContain(result.Exceptions, e => e.Indicator == returned);

        // From 0 to 3 cannot be a percentage of 0: it is an exception with no percentage.
        var fromZero = Assert.Single(result.Exceptions);
        Assert.Equal((counted, ExceptionComparison.PreviousQuarter, 3m, (decimal?)null), (fromZero.Indicator, fromZero.Comparison, fromZero.Change, fromZero.ChangePercent));
    }

    [Fact]
    public void Benchmarks_compare_the_latest_quarter_with_the_latest_benchmark_but_a_quarter_of_a_total_is_not_compared()
    {
        var rate = Make("5.4", IndicatorPolarity.HigherIsBetter, unit: IndicatorUnit.Percentage, aggregation: IndicatorAggregation.Average);
        var total = Make("5.1", IndicatorPolarity.Neutral, aggregation: IndicatorAggregation.Total);
        IndicatorBenchmark Benchmark(Indicator i, int year, BenchmarkKind kind, decimal value) =>
            new() { IndicatorId = i.Id, YearStart = year, Kind = kind, Value = value, Source = $"DfE {year}", RecordedBy = "t" };

        var result = Report(
            [(Row(rate, 70, 70), Row(rate, 70, 70)), (Row(total, 10, 10), Row(total, 10, 10))],
            Benchmark(rate, 2024, BenchmarkKind.England, 90m), // superseded by 2025's
            Benchmark(rate, 2025, BenchmarkKind.England, 80m), // 70 against 80: -12.5%, worse
            Benchmark(rate, 2025, BenchmarkKind.StatisticalNeighbours, 75m), // -6.7%: within 10%
            Benchmark(rate, 2027, BenchmarkKind.Region, 10m), // a later year's: not used
            Benchmark(total, 2025, BenchmarkKind.England, 100m));

        var exception = Assert.Single(result.Exceptions);
        Assert.Equal((rate, ExceptionComparison.Benchmark, "England average 2025-26", 80m, -12.5m, ExceptionDirection.Worse, "DfE 2025"),
            (exception.Indicator, exception.Comparison, exception.ComparedWith, exception.Baseline, exception.ChangePercent, exception.Direction, exception.BenchmarkSource));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_finished_year_is_compared_with_the_year_before_and_with_its_benchmarks_from_the_database(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var bu = await f.ActorAsync("business.unit");
        var administration = f.Get<IndicatorAdministration>();
        var finished = new ReportingYear(2025);
        f.Clock.Advance(TimeSpan.FromMinutes(1)); // after the demo's figures, so these supersede them

        // 1.1 poverty (annual, lower is better, 10% tolerance): 20% in 2024-25, 30% in 2025-26: +50%, worse.
        await administration.RecordContextAsync("1.1", finished.Previous, null, "20", "DWP", bu, Token);
        await administration.RecordContextAsync("1.1", finished, null, "30", "DWP", bu, Token);
        await f.Get<BenchmarkAdministration>().SaveAsync(new BenchmarkEntry(null, 0, "1.1", 2025, BenchmarkKind.England, "33", "DWP CiLIF 2025"), bu, Token);

        var result = await f.Get<ExceptionReportService>().BuildAsync(finished, cancellationToken: Token);

        Assert.True(result.YearIsOver);
        var poverty = result.Exceptions.Where(e => e.Indicator.Code == "1.1").ToList();
        var year = Assert.Single(poverty, e => e.Comparison == ExceptionComparison.PreviousYear);
        Assert.Equal((30m, 20m, 50m, ExceptionDirection.Worse), (year.Value, year.Baseline, year.ChangePercent, year.Direction));
        Assert.DoesNotContain(poverty, e => e.Comparison == ExceptionComparison.Benchmark); // 30 against 33 is -9.1%: within 10%

        // 1.2 infant mortality has no 2024-25 figure: a gap with the reason, not an exception against zero.
        var gap = Assert.Single(result.Gaps, g => g.Indicator.Code == "1.2" && g.Period == "2024-25");
        Assert.Equal("Not entered by the business unit", gap.Reason);
        Assert.DoesNotContain(result.Exceptions, e => e.Indicator.Code == "1.2" && e.Comparison == ExceptionComparison.PreviousYear);

        using var csv = new MemoryStream();
        await ExceptionReportService.WriteAsync(result, ExceptionReportFormat.Csv, csv, Token);
        var lines = System.Text.Encoding.UTF8.GetString(csv.ToArray()).TrimStart('\uFEFF').Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Kind,Indicator,Title,Comparison,Period,Compared with,Figure,Baseline,Change,Change %,Tolerance %,Direction,Benchmark source,Reason", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Exception,1.1,% children living in poverty,Previous year,2025-26,2024-25,30,20,10,50,10,Worse,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Gap,1.2,", StringComparison.Ordinal) && l.EndsWith("Not entered by the business unit", StringComparison.Ordinal));
    }
}
