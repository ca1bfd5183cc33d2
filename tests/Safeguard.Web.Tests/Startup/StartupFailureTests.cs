using System.Diagnostics;

namespace Safeguard.Web.Tests.Startup;

/// <summary>
/// The real web app process, started with settings it cannot work with: it must stop at once with a
/// non-zero exit code and one clear sentence, instead of starting half-configured or hanging.
/// </summary>
public class StartupFailureTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private sealed record Run(int ExitCode, string Output, string Error);

    /// <summary>The built app next to this test assembly (the project reference copies it here, with its appsettings).</summary>
    private static string AppPath()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Safeguard.Web.dll");
        Assert.True(File.Exists(path), $"The web app was not found at {path}: build the solution first.");
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Safeguard.Web.runtimeconfig.json")), "Safeguard.Web.runtimeconfig.json is missing beside the app.");
        return path;
    }

    private static async Task<Run> RunAppAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AppPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The app's own defaults (appsettings.json, Production), whatever the test run's environment says.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            Assert.Fail($"The app was still running after {Limit.TotalSeconds:0} s with {string.Join(' ', arguments)}; it should have refused to start.\n{await output}\n{await error}");
        }

        return new Run(process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task An_unsupported_database_provider_stops_start_up_naming_the_setting()
    {
        var run = await RunAppAsync("--Database:Provider=Oracle");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Safeguard did not start", run.Error, StringComparison.Ordinal);
        Assert.Contains("Database:Provider", run.Error, StringComparison.Ordinal);
        Assert.Contains("Oracle", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_stops_start_up_saying_the_database_could_not_be_opened()
    {
        var run = await RunAppAsync(
            "--Database:Provider=Postgres",
            "--ConnectionStrings:Safeguard=Host=127.0.0.1;Port=1;Database=x;Username=x;Password=secret-not-to-print;Timeout=2");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Safeguard did not start", run.Error, StringComparison.Ordinal);
        Assert.Contains("could not open or update its database", run.Error, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-not-to-print", run.Error + run.Output, StringComparison.Ordinal);
    }
}
