using System.Diagnostics;
using System.Text;
using Safeguard.Common;

namespace Safeguard.Cli.Tests;

/// <summary>
/// The native <c>safeguard-validate</c> (src/Safeguard.Validate, ADR 0096) as its users run it: the executable at
/// <c>artifacts/native/safeguard-validate</c> in the checkout (<c>SAFEGUARD_NATIVE_VALIDATOR</c> names another), published
/// there first when it is missing or older than the validation code the tests were built with, once for all the tests of
/// the run. A failed publish fails the tests that need it.
/// </summary>
internal static class NativeValidator
{
    private static readonly SemaphoreSlim PublishLock = new(1, 1);
    private static string? _executable;

    /// <summary>Runs the executable with the arguments, capturing its output (as strict UTF-8) and error.</summary>
    public static async Task<CliHarness.Result> RunAsync(IEnumerable<string> args)
    {
        var executable = await ExecutableAsync();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        using var output = new MemoryStream();
        var cancellationToken = TestContext.Current.CancellationToken;
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output, cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await Task.WhenAll(reading, error, process.WaitForExitAsync(cancellationToken));

        // Strict: bytes that are not UTF-8 fail here rather than compare equal after replacement.
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(output.ToArray());
        return new CliHarness.Result(process.ExitCode, text, await error);
    }

    private static async Task<string> ExecutableAsync()
    {
        await PublishLock.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            return _executable ??= await FindOrPublishAsync();
        }
        finally
        {
            PublishLock.Release();
        }
    }

    private static async Task<string> FindOrPublishAsync()
    {
        if (Environment.GetEnvironmentVariable("SAFEGUARD_NATIVE_VALIDATOR") is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new FileNotFoundException($"SAFEGUARD_NATIVE_VALIDATOR names {given}, which is not there.", given);
        }

        var root = SafeguardPaths.FindCheckoutRoot(AppContext.BaseDirectory)
            ?? throw new DirectoryNotFoundException($"No checkout found above {AppContext.BaseDirectory}.");
        var folder = Path.Combine(root, "artifacts", "native");
        var executable = Path.Combine(folder, "safeguard-validate");
        if (File.Exists(executable) && File.GetLastWriteTimeUtc(executable) >= NewestValidationCode())
        {
            return executable;
        }

        // dotnet publish src/Safeguard.Validate -c Release -r linux-x64 -o artifacts/native, as test.sh does.
        var publish = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var arg in (string[])["publish", Path.Combine(root, "src", "Safeguard.Validate"), "-c", "Release", "-r", "linux-x64", "-o", folder, "-nologo"])
        {
            publish.ArgumentList.Add(arg);
        }

        // The test host's own MSBuild settings must not leak into the build it starts.
        foreach (var name in publish.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            publish.Environment.Remove(name);
        }

        using var process = Process.Start(publish) ?? throw new InvalidOperationException("dotnet publish did not start.");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        if (process.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Publishing the native validator to {folder} failed (exit code {process.ExitCode}):\n{await output}\n{await error}");
        }

        return executable;
    }

    /// <summary>When the validation code these tests were built with was built: an executable published before it is out of date, and is published again.</summary>
    private static DateTime NewestValidationCode() =>
        ((string[])["Safeguard.Core.dll", "Safeguard.Cli.Interchange.dll"]).Max(name => File.GetLastWriteTimeUtc(Path.Combine(AppContext.BaseDirectory, name)));
}
