using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Safeguard.Interchange.Cin;

namespace Safeguard.Cli.Tests.Commands;

public sealed class CinCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safeguard-cin-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string WriteCensus(int children, Func<string, string>? change = null)
    {
        var path = Path.Combine(_folder, $"census-{Guid.NewGuid():N}.xml");
        var text = CinCensusGenerator.ToText(children, CinCollection.Parse("2024-25"));
        File.WriteAllText(path, change is null ? text : change(text));
        return path;
    }

    // Child C0000001's sex is made invalid (4180) and its ethnicity removed (a structural problem).
    private string WriteCensusWithProblems() => WriteCensus(10, t =>
        ReplaceFirst(ReplaceFirst(t, "<Sex>M</Sex>", "<Sex>X</Sex>"), "<Ethnicity>WIRI</Ethnicity>", ""));

    [Fact]
    public async Task A_valid_file_validates_with_exit_0_and_a_summary()
    {
        var result = await CliHarness.RunAsync(["cin", "validate", WriteCensus(10)]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("10 children checked against the 2024-25 rules: 0 errors, 0 queries.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_lists_issues_and_ends_with_a_summary_by_rule()
    {
        var result = await CliHarness.RunAsync(["cin", "validate", WriteCensusWithProblems()]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.OutputLines, l => l.Contains("C0000001", StringComparison.Ordinal) && l.Contains("4180", StringComparison.Ordinal));
        var summaryAt = Array.IndexOf(result.OutputLines, "Summary by rule");
        Assert.True(summaryAt > 0);
        Assert.Contains(result.OutputLines.Skip(summaryAt), l => l.StartsWith("4180", StringComparison.Ordinal) && l.Contains("Sex must be provided", StringComparison.Ordinal));
        Assert.Equal("10 children checked against the 2024-25 rules: 3 errors, 0 queries. The report is complete.", result.OutputLines[^1]);
    }

    [Fact]
    public async Task Csv_to_the_output_ends_with_a_row_saying_it_is_complete()
    {
        var result = await CliHarness.RunAsync(["cin", "validate", WriteCensusWithProblems(), "--format", "csv"]);
        Assert.Equal("#complete,,\"10 children checked against the 2024-25 rules: 3 errors, 0 queries\",,,", result.OutputLines[^1]);
        Assert.Single(result.OutputLines, l => l.StartsWith("#complete", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("table")]
    [InlineData("csv")]
    [InlineData("json")]
    [InlineData("xlsx")]
    public async Task A_file_that_fails_part_way_leaves_no_output_file_and_no_complete_line(string format)
    {
        // Many children, the last cut short: issues are written before the reading fails.
        var path = WriteCensus(3_000, t => ReplaceFirst(t, "<Sex>M</Sex>", "<Sex>X</Sex>")[..(t.Length - 200)]);
        var target = Path.Combine(_folder, "out", "issues." + format);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var toFile = await CliHarness.RunAsync(["cin", "validate", path, "--format", format, "-o", target]);
        Assert.Equal(1, toFile.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(target)!));
        if (format != "xlsx")
        {
            var toOutput = await CliHarness.RunAsync(["cin", "validate", path, "--format", format]);
            Assert.Equal(1, toOutput.ExitCode);
            Assert.DoesNotContain("The report is complete", toOutput.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("#complete", toOutput.Output, StringComparison.Ordinal);
            Assert.Contains("ends before the census does", toOutput.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Json_is_an_array_of_objects_with_exactly_the_six_fields()
    {
        var result = await CliHarness.RunAsync(["cin", "validate", WriteCensusWithProblems(), "--format", "json"]);
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.NotEmpty(json.RootElement.EnumerateArray());
        foreach (var issue in json.RootElement.EnumerateArray())
        {
            Assert.Equal(["rule", "severity", "message", "childId", "fields", "line"], issue.EnumerateObject().Select(p => p.Name));
        }

        var sex = Assert.Single(json.RootElement.EnumerateArray(), i => i.GetProperty("rule").GetString() == "4180");
        Assert.Equal("ERROR", sex.GetProperty("severity").GetString());
        Assert.Equal("C0000001", sex.GetProperty("childId").GetString());
        Assert.Equal("Sex", sex.GetProperty("fields")[0].GetString());
        Assert.True(sex.GetProperty("line").GetInt32() > 0);
        Assert.Contains(json.RootElement.EnumerateArray(), i => i.GetProperty("rule").GetString() == "schema" && i.GetProperty("childId").GetString() == "C0000001");
    }

    [Fact]
    public async Task Csv_has_a_header_and_one_row_per_issue()
    {
        var result = await CliHarness.RunAsync(["cin", "validate", WriteCensusWithProblems(), "--format", "csv"]);
        Assert.Equal("rule,severity,message,childId,fields,line", result.OutputLines[0]);
        Assert.Contains(result.OutputLines, l => l.StartsWith("4180,ERROR,Sex must be provided and equal M, F, or U", StringComparison.Ordinal) || l.StartsWith("4180,ERROR,\"Sex must be provided", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Xlsx_is_written_to_the_output_file_with_issues_and_a_sheet_by_rule()
    {
        var target = Path.Combine(_folder, "issues.xlsx");
        var result = await CliHarness.RunAsync(["cin", "validate", WriteCensusWithProblems(), "--format", "xlsx", "-o", target]);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("written to", result.Output, StringComparison.Ordinal);
        using var workbook = SpreadsheetDocument.Open(target, false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Issues", "By rule"], sheets);
        var text = string.Concat(workbook.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>()).Select(t => t.Text + "|"));
        Assert.Contains("4180|ERROR|Sex must be provided and equal M, F, or U|C0000001|", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_without_an_output_file_is_refused()
    {
        var result = await CliHarness.RunAsync(["cin", "validate", WriteCensus(1), "--format", "xlsx"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("-o", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error", 2)]
    [InlineData("query", 2)]
    public async Task Fail_on_gives_a_non_zero_exit_when_it_matches(string failOn, int exitCode)
    {
        var result = await CliHarness.RunAsync(["cin", "validate", WriteCensusWithProblems(), "--fail-on", failOn]);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains("Summary by rule", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_on_error_passes_when_only_queries_are_found()
    {
        // One child of ten with a 18A factor: query 8945Q only.
        var path = WriteCensus(10, t => ReplaceFirst(t, "<AssessmentFactors>3A</AssessmentFactors>", "<AssessmentFactors>18A</AssessmentFactors>"));
        Assert.Equal(0, (await CliHarness.RunAsync(["cin", "validate", path, "--fail-on", "error"])).ExitCode);
        Assert.Equal(2, (await CliHarness.RunAsync(["cin", "validate", path, "--fail-on", "query"])).ExitCode);
    }

    [Fact]
    public async Task An_unreadable_file_gives_a_clear_message_and_exit_1()
    {
        var path = WriteCensus(3, t => t[..(t.Length / 2)]);
        var result = await CliHarness.RunAsync(["cin", "validate", path]);
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains(Path.GetFileName(path), result.Error, StringComparison.Ordinal);
        Assert.Contains("truncated", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_file_leaves_the_report_file_given_as_it_was_and_no_partial_file()
    {
        var target = Path.Combine(_folder, "issues.csv");
        File.WriteAllText(target, "the last report\n");

        var result = await CliHarness.RunAsync(["cin", "validate", WriteCensus(3, t => t[..(t.Length / 2)]), "--format", "csv", "-o", target]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("truncated", result.Error, StringComparison.Ordinal);
        Assert.Equal("the last report\n", File.ReadAllText(target));
        Assert.Empty(Directory.EnumerateFiles(_folder, "*.partial"));
    }

    [Fact]
    public async Task A_missing_file_and_an_unknown_collection_are_refused()
    {
        Assert.Contains("no such file", (await CliHarness.RunAsync(["cin", "validate", Path.Combine(_folder, "nope.xml")])).Error, StringComparison.Ordinal);
        var result = await CliHarness.RunAsync(["cin", "validate", WriteCensus(1), "--collection", "2019-20"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no children in need census rules for 2019-20", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_collection_can_be_given_when_the_reference_date_is_another_year()
    {
        var path = WriteCensus(10, t => t.Replace("<ReferenceDate>2025-03-31</ReferenceDate>", "<ReferenceDate>2024-03-31</ReferenceDate>", StringComparison.Ordinal));
        Assert.Contains("no children in need census rules for 2023-24", (await CliHarness.RunAsync(["cin", "validate", path])).Error, StringComparison.Ordinal);
        var result = await CliHarness.RunAsync(["cin", "validate", path, "--collection", "2024-25", "--format", "json"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"rule\": \"100\"", result.Output, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
