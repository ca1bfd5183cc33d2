using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Core.Tests.CaseReviews;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Dataset;

public class BenchmarkTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_business_unit_enters_changes_and_removes_a_benchmark_audited_and_with_its_version_checked(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var bu = await f.ActorAsync("business.unit");
        var benchmarks = f.Get<BenchmarkAdministration>();

        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            benchmarks.SaveAsync(new BenchmarkEntry(null, 0, "5.2", 1999, null, "140", " "), bu, Token));
        Assert.Equal(
            [("YearStart", "Select the reporting year the benchmark is for"), ("Kind", "Select whose average the benchmark is"), ("Value", "A percentage must be between 0 and 100"), ("Source", "Enter where the benchmark was published, 500 characters or fewer")],
            refused.Problems.Select(p => (p.Field, p.Message)));
        var text = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            benchmarks.SaveAsync(new BenchmarkEntry(null, 0, "9.9", 2025, BenchmarkKind.England, "lots", "DfE"), bu, Token));
        Assert.Equal(["IndicatorCode", "Value"], text.Problems.Select(p => p.Field));

        var saved = await benchmarks.SaveAsync(new BenchmarkEntry(null, 0, "5.2", 2025, BenchmarkKind.England, "21.5%", "DfE Children in need 2025, table C1"), bu, Token);
        Assert.Equal(21.5m, saved.Value);
        var seen = saved.Version;
        var twice = await Assert.ThrowsAsync<SafeguardValidationException>(() =>
            benchmarks.SaveAsync(new BenchmarkEntry(null, 0, "5.2", 2025, BenchmarkKind.England, "22", "DfE"), bu, Token));
        Assert.Equal("There is already a england average for 5.2 in 2025-26: change that one", twice.Problems.Single().Message);
        await benchmarks.SaveAsync(new BenchmarkEntry(null, 0, "5.2", 2025, BenchmarkKind.StatisticalNeighbours, "23", "DfE LAIT"), bu, Token);

        var changed = await benchmarks.SaveAsync(new BenchmarkEntry(saved.Id, seen, "5.2", 2025, BenchmarkKind.England, "22.4", "DfE Children in need 2025, table C1 (revised)"), bu, Token);
        Assert.Equal(22.4m, changed.Value);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            benchmarks.SaveAsync(new BenchmarkEntry(saved.Id, seen, "5.2", 2025, BenchmarkKind.England, "1", "stale"), bu, Token));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => benchmarks.RemoveAsync(saved.Id, seen, bu, Token));

        var current = (await benchmarks.FindAsync(saved.Id, Token))!;
        Assert.Equal((22.4m, "DfE Children in need 2025, table C1 (revised)"), (current.Value, current.Source));
        await benchmarks.RemoveAsync(current.Id, current.Version, bu, Token);
        Assert.Equal([BenchmarkKind.StatisticalNeighbours], (await benchmarks.ListAsync(2025, Token)).Select(b => b.Kind));
        Assert.Equal(
            ["Dataset.AddBenchmark", "Dataset.ChangeBenchmark", "Dataset.RemoveBenchmark"],
            (await f.Db.AuditEvents.AsNoTracking().Where(e => e.EntityId == saved.Id.ToString()).Select(e => e.Process).ToListAsync(Token)).Order());
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_dashboard_shows_up_to_three_earlier_years_each_gap_with_its_reason_and_the_years_benchmarks(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var bu = await f.ActorAsync("business.unit");
        var administration = f.Get<IndicatorAdministration>();
        await administration.RecordContextAsync("1.1", new ReportingYear(2020), null, "19", null, bu, Token);
        await administration.RecordContextAsync("1.1", new ReportingYear(2024), null, "21", null, bu, Token);
        await f.Get<BenchmarkAdministration>().SaveAsync(new BenchmarkEntry(null, 0, "1.1", 2026, BenchmarkKind.Region, "25", "DWP"), bu, Token);

        var dashboard = await f.Get<DashboardService>().BuildAsync(new ReportingYear(2026), group: 1, cancellationToken: Token);

        Assert.Equal([2023, 2024, 2025, 2026], dashboard.Years.Select(y => y.StartYear));
        Assert.Equal(["1.1", "1.2", "1.3"], dashboard.Series.Select(s => s.Indicator.Code));
        var poverty = dashboard.Series[0];
        Assert.Equal([null, 21m, 22.9m, 22.9m], poverty.Points.Select(p => p.Value));
        Assert.Equal("Not entered by the business unit", poverty.Points[0].Gap);
        Assert.Equal(25m, Assert.Single(poverty.Benchmarks).Value);

        // A quarterly indicator: this year's unfinished quarters are pending, not gaps, and never zero.
        var referrals = Assert.Single((await f.Get<DashboardService>().BuildAsync(new ReportingYear(2026), indicatorCode: "3.1", cancellationToken: Token)).Series);
        var thisYear = referrals.Years[^1];
        Assert.Equal([false, false, true, true], thisYear.Quarters.Select(q => q.Pending));
        Assert.True(thisYear.YearFigure.Pending);
        Assert.All(thisYear.Quarters.Where(q => q.Pending), q => Assert.Null(q.Value));
    }
}
