using System.Text.RegularExpressions;

namespace Safeguard.Cli.Tests.Commands;

public class ReviewCommandsTests
{
    [Fact]
    public async Task Prints_the_day_plan_one_line_per_step_across_christmas()
    {
        // Notified Friday 18 December 2026: Christmas Day is a Friday and Boxing Day a Saturday, and Monday 28 December the substitute Boxing Day; New Year's Day is a Friday.
        var result = await CliHarness.RunAsync("reviews plan --notified 2026-12-18");

        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(6, result.OutputLines.Length);
        // Columns: the day, the date (or date range), the step.
        var rows = result.OutputLines.Select(l => Regex.Split(l, "  +")).ToList();
        Assert.Equal(
            [
                ("Day 1", "2026-12-21"),
                ("Days 2-10", "2026-12-22 to 2027-01-06"),
                ("Days 11-12", "2027-01-07 to 2027-01-08"),
                ("Day 13", "2027-01-11"),
                ("Day 14", "2027-01-12"),
                ("Day 15", "2027-01-13"),
            ],
            rows.Select(r => (r[0], r[1])));
        Assert.StartsWith("Request for information", rows[0][2], StringComparison.Ordinal);
        Assert.StartsWith("Rapid review meeting", rows[3][2], StringComparison.Ordinal);
        Assert.StartsWith("Recommendation agreed and signed", rows[4][2], StringComparison.Ordinal);
        Assert.StartsWith("Recommendation sent to the National Child Safeguarding Practice Review Panel", rows[5][2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reviews plan --notified 2026-02-30", "Option --notified: '2026-02-30' is not a date: February 2026 has 28 days.")]
    [InlineData("reviews plan --notified tomorrow", "Option --notified: 'tomorrow' is not a date in the form yyyy-mm-dd.")]
    [InlineData("reviews plan", "--notified")]
    public async Task Refuses_a_bad_date_naming_the_option(string commandLine, string expected)
    {
        var result = await CliHarness.RunAsync(commandLine);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }
}
