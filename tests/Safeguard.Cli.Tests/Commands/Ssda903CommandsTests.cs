using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Safeguard.Cli.Commands;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

/// <summary><c>safeguard ssda903 validate</c> on the reference sample return (with its deliberate errors) and on a small valid one.</summary>
public sealed class Ssda903CommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safeguard-903-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Samples => ReferenceFiles.Path("ssda903", "samples");

    /// <summary>A return with one child looked after all year and nothing wrong.</summary>
    private string WriteValidReturn()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "valid")).FullName;
        File.WriteAllText(Path.Combine(folder, "header.csv"), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,15/06/2012,WBRI,A123456789012,,\n");
        File.WriteAllText(Path.Combine(folder, "episodes.csv"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nC1,01/03/2023,S,C2,N1,U1,PR1,,,,M1 1AA,M2 2BB,SC123456\n");
        File.WriteAllText(Path.Combine(folder, "reviews.csv"), "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,15/06/2012,10/06/2024,PN1\n");
        File.WriteAllText(Path.Combine(folder, "oc2.csv"),
            "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n" +
            "C1,15/06/2012,10,,0,,1,1,1,0,,\n");
        return folder;
    }

    [Fact]
    public async Task A_valid_return_validates_with_exit_0()
    {
        var result = await CliHarness.RunAsync(["ssda903", "validate", WriteValidReturn()]);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("1 children (4 rows in 4 tables) checked against 294 of the 312 2024-25 rules: 0 errors", result.OutputLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_postcode_lookup_a_provider_register_and_the_authority_the_reference_rules_run_too()
    {
        var folder = WriteValidReturn();
        var postcodes = Path.Combine(_folder, "nspl-extract.csv");
        File.WriteAllText(postcodes, "pcd,pcds,laua,oseast1m,osnrth1m\nM1  1AA,M1 1AA,E08000003,384124,397781\nM2  2BB,M2 2BB,E08000003,383736,398286\n");
        var providers = Path.Combine(_folder, "providers.csv");
        File.WriteAllText(providers, "URN,PLACE_CODES,PROVIDER_CODES,POSTCODE,LA_CODE,REG_DATE,REG_END\nSC123456,U1;U2,PR1,M2 2BB,352,01/01/2010,\n");

        var result = await CliHarness.RunAsync(["ssda903", "validate", folder, "--postcodes", postcodes, "--providers", providers, "--la", "352"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("1 children (4 rows in 4 tables) checked against 312 of the 312 2024-25 rules: 0 errors", result.OutputLines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(result.OutputLines, l => l.StartsWith("Rules not checked, needs reference data", StringComparison.Ordinal));

        var moved = await CliHarness.RunAsync(["ssda903", "validate", folder, "--postcodes", postcodes, "--la", "351"]);
        Assert.Contains(moved.OutputLines, l => l.StartsWith("Episodes ", StringComparison.Ordinal) && l.Contains(" 1015 ", StringComparison.Ordinal));

        var unknown = await CliHarness.RunAsync(["ssda903", "validate", folder, "--la", "999"]);
        Assert.Equal(CommandRunner.BadInput, unknown.ExitCode);
        Assert.Contains("999 is not the DfE code", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_samples_are_reported_issue_by_issue_with_table_line_child_and_fields_then_by_rule_and_exit_2()
    {
        var result = await CliHarness.RunAsync(["ssda903", "validate", Samples]);

        Assert.Equal(Ssda903Commands.ErrorsFound, result.ExitCode);
        Assert.Equal(["table", "line", "child", "rule", "fields", "message"], result.OutputLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6));

        // The deliberate errors: a reason for reversing an adoption decision that is no code (XXX), an accommodation
        // after leaving care of 01, and a social worker change reason of SWLAZY.
        Assert.Contains(result.OutputLines, l => Columns(l) is ["PlacedAdoption", "2", "988635", "120", "REASON_PLACED_CEASED", ..]);
        Assert.Contains(result.OutputLines, l => Columns(l) is ["OC3", "2", "197474", "133", "ACCOM", ..]);
        Assert.Contains(result.OutputLines, l => Columns(l) is ["SWEpisodes", "2", "CHILD10", "SW13STG1", "SW_REASON", ..]);

        var byRule = Array.IndexOf(result.OutputLines, "Issues by rule");
        Assert.True(byRule > 0);
        Assert.Contains(result.OutputLines.Skip(byRule), l => Columns(l) is ["120", "29", ..]);
        Assert.DoesNotContain(result.OutputLines, l => l.StartsWith("Rules not yet checked", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.StartsWith("Rules not checked, needs reference data: a postcode lookup (", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => l.StartsWith("Rules not checked, needs reference data: Ofsted's provider register (6): 1008,", StringComparison.Ordinal));
        Assert.Contains(result.OutputLines, l => Columns(l) is ["SWEpisodes", "sw_episodes.csv"]);
        Assert.Matches(@"^2,676 children \(25,944 rows in 11 tables\) checked against 294 of the 312 2024-25 rules: [\d,]+ errors\. The report is complete\.$", result.OutputLines[^1]);
    }

    [Fact]
    public async Task Json_gives_every_issue_its_rule_table_child_fields_and_line()
    {
        var result = await CliHarness.RunAsync(["ssda903", "validate", Path.Combine(Samples, "placed_for_adoption.csv"), Path.Combine(Samples, "header.csv"), "--format", "json"]);

        Assert.Equal(Ssda903Commands.ErrorsFound, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var issues = json.RootElement.EnumerateArray().ToList();
        Assert.All(issues, i => Assert.Equal(
            ["rule", "severity", "message", "table", "childId", "fields", "line"], i.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(29, issues.Count(i => i.GetProperty("rule").GetString() == "120"));
        var first = issues.First(i => i.GetProperty("rule").GetString() == "120");
        Assert.Equal(("PlacedAdoption", "988635", 2), (first.GetProperty("table").GetString(), first.GetProperty("childId").GetString(), first.GetProperty("line").GetInt32()));
    }

    [Fact]
    public async Task Csv_and_xlsx_are_written_to_the_file_given()
    {
        var csv = Path.Combine(_folder, "issues.csv");
        var result = await CliHarness.RunAsync(["ssda903", "validate", Samples, "--format", "csv", "-o", csv]);
        Assert.Equal(Ssda903Commands.ErrorsFound, result.ExitCode);
        var lines = File.ReadAllLines(csv);
        Assert.Equal("rule,severity,message,table,childId,fields,line", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("120,ERROR,The reason for the reversal", StringComparison.Ordinal) && l.EndsWith(",PlacedAdoption,988635,REASON_PLACED_CEASED,2", StringComparison.Ordinal));
        Assert.Contains($"written to {csv}", result.Output, StringComparison.Ordinal);

        var xlsx = Path.Combine(_folder, "issues.xlsx");
        await CliHarness.RunAsync(["ssda903", "validate", Samples, "--format", "xlsx", "-o", xlsx]);
        using var workbook = SpreadsheetDocument.Open(xlsx, false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Issues", "By rule"], sheets);
        Assert.Equal(lines.Length, workbook.WorkbookPart.WorksheetParts.Select(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count()).Max());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_and_exit_1()
    {
        var missing = await CliHarness.RunAsync(["ssda903", "validate", Path.Combine(_folder, "nowhere")]);
        Assert.Equal(CommandRunner.BadInput, missing.ExitCode);
        Assert.Contains("no such file or folder", missing.Error, StringComparison.Ordinal);

        var year = await CliHarness.RunAsync(["ssda903", "validate", Samples, "--collection", "2023-24"]);
        Assert.Equal(CommandRunner.BadInput, year.ExitCode);
        Assert.Contains("no SSDA903 rules for 2023-24", year.Error, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_folder, "notes.csv"), "NAME,AGE\n");
        var none = await CliHarness.RunAsync(["ssda903", "validate", Path.Combine(_folder, "notes.csv")]);
        Assert.Equal(CommandRunner.BadInput, none.ExitCode);
        Assert.Contains("None of the files is a table of the SSDA903 return", none.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_fails_leaves_the_file_given_as_it_was_and_no_partial_file()
    {
        var target = Path.Combine(_folder, "issues.csv");
        File.WriteAllText(target, "the last report\n");
        File.WriteAllText(Path.Combine(_folder, "notes.csv"), "NAME,AGE\n");

        var refused = await CliHarness.RunAsync(["ssda903", "validate", Path.Combine(_folder, "notes.csv"), "--format", "csv", "-o", target]);

        Assert.Equal(CommandRunner.BadInput, refused.ExitCode);
        Assert.Contains("None of the files is a table of the SSDA903 return", refused.Error, StringComparison.Ordinal);
        Assert.Equal("the last report\n", File.ReadAllText(target));
        Assert.Empty(Directory.EnumerateFiles(_folder, "*.partial"));

        var written = await CliHarness.RunAsync(["ssda903", "validate", WriteValidReturn(), "--format", "csv", "-o", target]);
        Assert.Equal(0, written.ExitCode);
        Assert.Equal("rule,severity,message,table,childId,fields,line", File.ReadLines(target).First());
        Assert.Empty(Directory.EnumerateFiles(_folder, "*.partial"));
    }

    private static string[] Columns(string line) => line.Split("  ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
