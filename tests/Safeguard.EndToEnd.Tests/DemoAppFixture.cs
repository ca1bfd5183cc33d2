using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Safeguard.DemoData;
using Safeguard.Identity;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// The app with the demo data: the partnership's agencies and one user per role, each with the demo
/// password and an authenticator secret the tests can compute codes from. The app reads the real clock,
/// and a code is accepted only once, so each test in a class signs in as a different demo user.
/// </summary>
public class DemoAppFixture : SafeguardAppFixture
{
    /// <summary>A small area (about 860 children) with its years of activity: pages show realistic, non-empty lists.</summary>
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Demo:SeedOnFirstStart", "true").UseSetting("Demo:Scale", "0.02");

    /// <summary>Signs in through the pages: password, then the current code from <paramref name="secret"/> (the demo user's by default).</summary>
    public static async Task SignInAsync(IPage page, string userName, string password = DemoSeeder.DemoPassword, string? secret = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        await EnterPasswordAsync(page, userName, password);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/two-factor"));
        await EnterCodeAsync(page, secret ?? DemoSeeder.AuthenticatorSecretFor(userName));
    }

    public static async Task EnterPasswordAsync(IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!page.Url.Contains("/account/sign-in", StringComparison.Ordinal))
        {
            await page.GotoAsync("/account/sign-in");
        }

        await page.GetByLabel("User name").FillAsync(userName);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    /// <summary>The last time step whose code each secret has used: the app accepts a code once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> LastStepUsed = new();

    public static async Task EnterCodeAsync(IPage page, string secret)
    {
        ArgumentNullException.ThrowIfNull(page);
        // A second sign-in of the same user within one 30-second step would reuse the code and be refused:
        // wait (polling the clock, at most one step) until the next step begins.
        var last = LastStepUsed.GetValueOrDefault(secret, long.MinValue);
        while (Totp.StepAt(DateTimeOffset.UtcNow) <= last)
        {
            await Task.Delay(250);
        }

        var now = DateTimeOffset.UtcNow;
        LastStepUsed[secret] = Totp.StepAt(now);
        await page.GetByLabel("Enter the code from your authenticator app").FillAsync(Totp.CodeAt(secret, now));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
