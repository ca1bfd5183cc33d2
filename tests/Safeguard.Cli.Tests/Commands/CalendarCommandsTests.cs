using Safeguard.Calendar;

namespace Safeguard.Cli.Tests.Commands;

public class CalendarCommandsTests
{
    [Theory]
    [InlineData("calendar add-working-days 2024-03-28 1", "2024-04-02")] // over Easter 2024
    [InlineData("calendar add-working-days 2024-03-30 0", "2024-03-30")]
    [InlineData("calendar add-working-days 2023-12-20 45", "2024-02-26")]
    [InlineData("calendar add-working-days 2022-06-01 1", "2022-06-06")]
    [InlineData("calendar working-days-between 2024-03-28 2024-04-02", "1")]
    [InlineData("calendar working-days-between 2020-05-01 2020-05-11", "5")]
    [InlineData("calendar working-days-between 2024-04-02 2024-03-28", "-1")]
    public async Task Prints_one_line_with_the_answer(string commandLine, string expected)
    {
        var result = await CliHarness.RunAsync(commandLine);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected + "\n", result.Output);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Lists_a_years_holidays_from_the_known_list()
    {
        var result = await CliHarness.RunAsync("calendar holidays 2022");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(10, result.OutputLines.Length);
        Assert.All(result.OutputLines, line => Assert.EndsWith("  list", line, StringComparison.Ordinal));
        Assert.StartsWith("2022-06-03  Platinum Jubilee bank holiday", result.OutputLines[5], StringComparison.Ordinal);
        Assert.StartsWith("2022-09-19  Bank Holiday for the State Funeral of Queen Elizabeth II", result.OutputLines[7], StringComparison.Ordinal);
        Assert.StartsWith("2022-12-27  Christmas Day (Substitute day)", result.OutputLines[9], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_rule_and_proclaimed_holidays_for_a_later_year()
    {
        var result = await CliHarness.RunAsync(["calendar", "holidays", "2029"], [new ProclaimedDay(new DateOnly(2029, 6, 1), "Royal event bank holiday")]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(9, result.OutputLines.Length);
        Assert.Equal(8, result.OutputLines.Count(line => line.EndsWith("  rule", StringComparison.Ordinal)));
        var proclaimed = Assert.Single(result.OutputLines, line => line.EndsWith("  proclaimed", StringComparison.Ordinal));
        Assert.StartsWith("2029-06-01  Royal event bank holiday", proclaimed, StringComparison.Ordinal);
        Assert.StartsWith("2029-01-01  New Year's Day", result.OutputLines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("calendar add-working-days 2023-02-30 1", "Argument <date>: '2023-02-30' is not a date: February 2023 has 28 days.")]
    [InlineData("calendar add-working-days 2024-13-01 1", "Argument <date>: '2024-13-01' is not a date: there is no month 13.")]
    [InlineData("calendar add-working-days 28/03/2024 1", "Argument <date>: '28/03/2024' is not a date in the form yyyy-mm-dd.")]
    [InlineData("calendar add-working-days 2024-03-28 -3", "Argument <n>: must be zero or more, but was -3.")]
    [InlineData("calendar add-working-days 2024-03-28 two", "Argument <n>: 'two' is not a whole number.")]
    [InlineData("calendar working-days-between 2024-03-28 2024-02-30", "Argument <to>: '2024-02-30' is not a date: February 2024 has 29 days.")]
    [InlineData("calendar holidays 10000", "Argument <year>: must be from 1 to 9999, but was 10000.")]
    public async Task Bad_input_names_the_argument_and_the_problem_on_stderr_only(string commandLine, string expectedError)
    {
        var result = await CliHarness.RunAsync(commandLine);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal(expectedError + "\n", result.Error);
    }

    [Fact]
    public async Task A_missing_argument_is_reported_once()
    {
        var result = await CliHarness.RunAsync("calendar add-working-days 2024-03-28");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
