using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

/// <summary><c>safeguard kpi dataset</c> on the demo area, on both databases.</summary>
public class KpiCommandsTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_dataset_comes_out_as_json_with_exactly_the_agreed_fields_and_gaps_as_null_with_reasons(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo"), Clock);

        var json = await CliHarness.RunWithDatabaseAsync(On(database, "kpi", "dataset", "--year", "2026", "--format", "json"), Clock);
        Assert.Equal((0, ""), (json.ExitCode, json.Error));
        using var document = JsonDocument.Parse(json.Output);
        var rows = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(43, rows.Count);
        string[] fields = ["id", "title", "unit", "aggregation", "source", "q1", "q2", "q3", "q4", "year", "previousYear", "difference", "gaps"];
        Assert.All(rows, r => Assert.Equal(fields, r.EnumerateObject().Select(p => p.Name)));
        var csc = rows.Single(r => r.GetProperty("id").GetString() == "8.2");
        Assert.Equal(JsonValueKind.Number, csc.GetProperty("q1").ValueKind);
        Assert.Equal(JsonValueKind.Null, csc.GetProperty("q2").ValueKind);
        var gap = csc.GetProperty("gaps").EnumerateArray().Single();
        Assert.Equal("Q2", gap.GetProperty("period").GetString());
        Assert.EndsWith("Council Children's Social Care", gap.GetProperty("agency").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Not yet submitted (late", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(22.9m, rows.Single(r => r.GetProperty("id").GetString() == "1.1").GetProperty("year").GetDecimal());

        // As at a date before the demo's first return was submitted, its figures were not known.
        var earlier = await CliHarness.RunWithDatabaseAsync(On(database, "kpi", "dataset", "--year", "2026", "--format", "json", "--as-at", "2026-07-15"), Clock);
        using var then = JsonDocument.Parse(earlier.Output);
        var q1Then = then.RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "8.2");
        Assert.Equal(JsonValueKind.Null, q1Then.GetProperty("q1").ValueKind);
        Assert.Equal(JsonValueKind.Null, q1Then.GetProperty("q2").ValueKind); // Q2 had not ended: not a gap
        Assert.Single(q1Then.GetProperty("gaps").EnumerateArray());
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Csv_and_xlsx_are_written_and_bad_options_are_refused_by_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo"), Clock);

        var csv = await CliHarness.RunWithDatabaseAsync(On(database, "kpi", "dataset", "--year", "2026"), Clock);
        Assert.Equal(0, csv.ExitCode);
        Assert.StartsWith("Indicator,Title,Unit,Aggregation,Source,Q1,Q2,Q3,Q4,Year,Previous year,Difference,Gaps", csv.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal(44, csv.OutputLines.Length);

        var path = Path.Combine(Path.GetTempPath(), $"dataset-{Guid.NewGuid():N}.xlsx");
        try
        {
            var xlsx = await CliHarness.RunWithDatabaseAsync(On(database, "kpi", "dataset", "--year", "2026", "--format", "xlsx", "-o", path), Clock);
            Assert.Equal(0, xlsx.ExitCode);
            Assert.Contains("43 indicators", xlsx.Output, StringComparison.Ordinal);
            using var workbook = SpreadsheetDocument.Open(path, false);
            Assert.Equal("Dataset 2026-27", workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
        }
        finally
        {
            File.Delete(path);
        }

        var noFile = await CliHarness.RunWithDatabaseAsync(On(database, "kpi", "dataset", "--year", "2026", "--format", "xlsx"), Clock);
        Assert.Equal(1, noFile.ExitCode);
        Assert.Contains("give the file to write with -o", noFile.Error, StringComparison.Ordinal);
        var badDate = await CliHarness.RunWithDatabaseAsync(On(database, "kpi", "dataset", "--year", "2026", "--as-at", "31/03/2026"), Clock);
        Assert.NotEqual(0, badDate.ExitCode);
        Assert.Contains("Option --as-at: '31/03/2026'", badDate.Error, StringComparison.Ordinal);
    }
}
