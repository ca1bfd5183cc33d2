using Safeguard.Common;

namespace Safeguard.EndToEnd.Tests;

/// <summary>Where the browser tests find the browser, axe-core and the folder for their outputs.</summary>
public static class TestEnvironment
{
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("SAFEGUARD_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string CheckoutRoot { get; } =
        SafeguardPaths.FindCheckoutRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException(
            $"No {SafeguardPaths.SolutionFileName} above {AppContext.BaseDirectory}: run the tests from a checkout.");

    /// <summary>axe-core comes from the web project's npm devDependencies, restored by its build; it is never served.</summary>
    public static string AxeScriptPath { get; } =
        Path.Combine(CheckoutRoot, "src", "Safeguard.Web", "node_modules", "axe-core", "axe.min.js");

    public static string ScreenshotDirectory { get; } = Path.Combine(CheckoutRoot, "artifacts", "screenshots");
}
