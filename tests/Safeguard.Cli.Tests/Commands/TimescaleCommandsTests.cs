namespace Safeguard.Cli.Tests.Commands;

public class TimescaleCommandsTests
{
    [Fact]
    public async Task Lists_the_catalogue_with_a_header()
    {
        var result = await CliHarness.RunAsync("timescales list");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Safeguard.Timescales.TimescaleCatalogue.Default.Rules.Count + 1, result.OutputLines.Length);
        Assert.Single(result.OutputLines, l => l.StartsWith("wise-review ", StringComparison.Ordinal));
        Assert.Single(result.OutputLines, l => l.StartsWith("lac-dental-check ", StringComparison.Ordinal));
        Assert.StartsWith("Id ", result.OutputLines[0], StringComparison.Ordinal);
        Assert.EndsWith("Locally changeable", result.OutputLines[0], StringComparison.Ordinal);
        var icpc = Assert.Single(result.OutputLines, l => l.StartsWith("icpc ", StringComparison.Ordinal));
        Assert.Contains("15 working days", icpc, StringComparison.Ordinal);
        Assert.Contains("strategy discussion", icpc, StringComparison.Ordinal);
        Assert.Contains("Working Together to Safeguard Children 2023", icpc, StringComparison.Ordinal);
        Assert.EndsWith("  no", icpc, StringComparison.Ordinal);
        var coreGroup = Assert.Single(result.OutputLines, l => l.StartsWith("first-core-group ", StringComparison.Ordinal));
        Assert.Contains("Local procedure", coreGroup, StringComparison.Ordinal);
        Assert.EndsWith("  yes", coreGroup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timescales due icpc 2024-03-20", "2024-04-12")]
    [InlineData("timescales due assessment 2023-12-20", "2024-02-26")]
    [InlineData("timescales due first-cp-review 2023-11-30", "2024-02-29")]
    [InlineData("timescales due wise-assessment 2024-01-10", "2024-02-07")]
    [InlineData("timescales due return-home-interview 2024-03-29T18:00", "2024-04-01T19:00:00+01:00")] // UK time; clocks go forward on 31 March
    [InlineData("timescales due return-home-interview 2024-03-29T18:00Z", "2024-04-01T19:00:00+01:00")]
    [InlineData("timescales due return-home-interview 2024-10-26T12:00", "2024-10-29T11:00:00+00:00")] // clocks go back on 27 October
    [InlineData("timescales due return-home-interview 2024-10-27T01:30+01:00", "2024-10-30T00:30:00+00:00")]
    public async Task Prints_the_due_date(string commandLine, string expected)
    {
        var result = await CliHarness.RunAsync(commandLine);

        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected + "\n", result.Output);
    }

    [Fact]
    public async Task Prints_the_rapid_review_day_plan()
    {
        var result = await CliHarness.RunAsync("timescales rapid-review 2024-03-25");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(6, result.OutputLines.Length);
        Assert.StartsWith("Day 1       2024-03-26  ", result.OutputLines[0], StringComparison.Ordinal);
        Assert.StartsWith("Days 2-10   2024-03-27 to 2024-04-10  ", result.OutputLines[1], StringComparison.Ordinal);
        Assert.StartsWith("Day 15      2024-04-17  ", result.OutputLines[5], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timescales due no-such-rule 2024-01-01", "Argument <rule-id>: there is no timescale 'no-such-rule'. Known timescales: contact-decision, assessment, icpc,")]
    [InlineData("timescales due icpc 2024-02-30", "Argument <anchor>: '2024-02-30' is not a date: February 2024 has 29 days.")]
    [InlineData("timescales due icpc 2024-03-20T10:00", "Argument <anchor>: '2024-03-20T10:00' is not a date in the form yyyy-mm-dd.")]
    [InlineData("timescales due return-home-interview 2024-03-29", "Argument <anchor>: '2024-03-29' is not a date and time")]
    [InlineData("timescales due return-home-interview 2024-03-31T01:30", "Argument <anchor>: '2024-03-31T01:30' did not happen in the UK")]
    [InlineData("timescales due return-home-interview 2024-10-27T01:30", "Argument <anchor>: '2024-10-27T01:30' happened twice in the UK")]
    [InlineData("timescales rapid-review 2024-02-31", "Argument <notification-date>: '2024-02-31' is not a date: February 2024 has 29 days.")]
    public async Task Bad_input_names_the_argument_and_the_problem_on_stderr_only(string commandLine, string expectedErrorStart)
    {
        var result = await CliHarness.RunAsync(commandLine);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith(expectedErrorStart, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
