using System.Text.Json;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

/// <summary><c>safeguard kpi exceptions</c> on the demo area, on both databases.</summary>
public class KpiExceptionsCommandTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Exceptions_come_out_as_a_table_csv_or_json_with_gaps_listed_with_their_reasons(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo"), Clock);

        var json = await CliHarness.RunWithDatabaseAsync(On(database, "kpi", "exceptions", "--year", "2025", "--format", "json"), Clock);
        Assert.Equal((0, ""), (json.ExitCode, json.Error));
        using var document = JsonDocument.Parse(json.Output);
        var root = document.RootElement;
        Assert.Equal(["year", "asAt", "latestQuarter", "exceptions", "gaps"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("2025-26", "2025-26 Q4"), (root.GetProperty("year").GetString(), root.GetProperty("latestQuarter").GetString()));
        string[] fields = ["id", "title", "comparison", "period", "comparedWith", "value", "baseline", "change", "changePercent", "tolerancePercent", "direction", "benchmarkSource"];
        Assert.All(root.GetProperty("exceptions").EnumerateArray(), e => Assert.Equal(fields, e.EnumerateObject().Select(p => p.Name)));

        // The demo has no data returns before 2025-26: last year's quarters are gaps saying so, not zeros to compare with.
        var gaps = root.GetProperty("gaps").EnumerateArray().ToList();
        var police = gaps.Single(g => g.GetProperty("id").GetString() == "3.1" && g.GetProperty("period").GetString() == "2024-25 Q4");
        Assert.Equal("No data return has been opened for 2024-25 Q4", police.GetProperty("reason").GetString());
        Assert.Contains("SameQuarterLastYear", police.GetProperty("blocks").EnumerateArray().Select(b => b.GetString()));
        Assert.DoesNotContain(root.GetProperty("exceptions").EnumerateArray(), e => e.GetProperty("id").GetString() == "3.1" && e.GetProperty("comparison").GetString() == "SameQuarterLastYear");

        var table = await CliHarness.RunWithDatabaseAsync(On(database, "kpi", "exceptions", "--year", "2025"), Clock);
        Assert.Equal(0, table.ExitCode);
        Assert.StartsWith("Exception report 2025-26 as at ", table.OutputLines[0], StringComparison.Ordinal);
        Assert.Contains(table.OutputLines, l => l.StartsWith("3.1        2024-25 Q4   No data return has been opened for 2024-25 Q4", StringComparison.Ordinal));

        var csv = await CliHarness.RunWithDatabaseAsync(On(database, "kpi", "exceptions", "--year", "2025", "--format", "csv"), Clock);
        Assert.Equal(0, csv.ExitCode);
        Assert.Equal("Kind,Indicator,Title,Comparison,Period,Compared with,Figure,Baseline,Change,Change %,Tolerance %,Direction,Benchmark source,Reason", csv.OutputLines[0]);
        Assert.Contains(csv.OutputLines, l => l.StartsWith("Gap,3.1,", StringComparison.Ordinal));

        var xlsx = await CliHarness.RunWithDatabaseAsync(On(database, "kpi", "exceptions", "--year", "2025", "--format", "xlsx"), Clock);
        Assert.NotEqual(0, xlsx.ExitCode);
        var badYear = await CliHarness.RunWithDatabaseAsync(On(database, "kpi", "exceptions", "--year", "25"), Clock);
        Assert.NotEqual(0, badYear.ExitCode);
        Assert.Contains("Option --year", badYear.Error, StringComparison.Ordinal);
    }
}
