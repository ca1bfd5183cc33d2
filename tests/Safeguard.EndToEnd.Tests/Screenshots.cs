using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>Full-page screenshots under artifacts/screenshots/, named after the running test and a step.</summary>
public static class Screenshots
{
    public static async Task<string> SaveAsync(IPage page, string step)
    {
        ArgumentNullException.ThrowIfNull(page);

        var test = TestContext.Current.TestMethod?.MethodName ?? "test";
        var testClass = TestContext.Current.TestClass?.TestClassSimpleName;
        var name = SafeFileName($"{(testClass is null ? "" : testClass + ".")}{test}-{step}");
        var path = Path.Combine(TestEnvironment.ScreenshotDirectory, name + ".png");
        Directory.CreateDirectory(TestEnvironment.ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    private static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return string.Concat(name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '_' : c));
    }
}
