using System.Globalization;
using Safeguard.Calendar;
using Safeguard.Testing;
using Safeguard.Timescales;

namespace Safeguard.Cli.Tests;

/// <summary>Runs the real command tree in-process, capturing what it writes.</summary>
internal static class CliHarness
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static async Task<Result> RunAsync(string[] args, IEnumerable<ProclaimedDay>? proclaimedDays = null)
    {
        var services = new CliServices
        {
            Calendar = (_, _) => ValueTask.FromResult(new WorkingDayCalendar(proclaimedDays ?? [])),
            Timescales = (_, _) => ValueTask.FromResult(TimescaleCatalogue.Default),
            Clock = new FakeTimeProvider(new DateTimeOffset(2024, 6, 3, 9, 0, 0, TimeSpan.Zero)),
        };
        using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using var error = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };

        var exitCode = await CommandRunner.InvokeAsync(Program.BuildRootCommand(services), args, output, error, TestContext.Current.CancellationToken);

        return new Result(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs the command tree as the installed command does, on the database the arguments name.</summary>
    public static async Task<Result> RunWithDatabaseAsync(IEnumerable<string> args, TimeProvider? clock = null, string? input = null)
    {
        var services = CliServices.CreateDefault(clock, new StringReader(input ?? ""));
        using var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using var error = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var exitCode = await CommandRunner.InvokeAsync(Program.BuildRootCommand(services), [.. args], output, error, TestContext.Current.CancellationToken);
        return new Result(exitCode, output.ToString(), error.ToString());
    }

    public static Task<Result> RunAsync(string commandLine) => RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
