using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Auditing;
using Safeguard.Identity;

namespace Safeguard.EndToEnd.Tests;

/// <summary>Signing in and out in a browser, and setting up two-factor authentication, on accessible pages.</summary>
public class SignInJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task A_social_worker_signs_in_with_password_and_code_then_signs_out()
    {
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);

        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?ReturnUrl=%2F$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Sign in to Safeguard");
        await Screenshots.SaveAsync(page, "1-sign-in");
        await Axe.AssertNoViolationsAsync(page);

        await DemoAppFixture.EnterPasswordAsync(page, "social.worker", Safeguard.DemoData.DemoSeeder.DemoPassword);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/two-factor"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Enter the code from your authenticator app");
        await Screenshots.SaveAsync(page, "2-two-factor");
        await Axe.AssertNoViolationsAsync(page);

        await DemoAppFixture.EnterCodeAsync(page, Safeguard.DemoData.DemoSeeder.AuthenticatorSecretFor("social.worker"));
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.BaseUrl) + "/$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What you can do");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Signed in as Sam Social");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Roles.SocialWorker);
        await Screenshots.SaveAsync(page, "3-home");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?SignedOut=true", RegexOptions.IgnoreCase));
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have signed out");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "4-signed-out");
        await Axe.AssertNoViolationsAsync(page);

        // Signed out means signed out: home sends us back to sign in.
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
        problems.AssertNone();
    }

    [Fact]
    public async Task The_sign_in_form_sent_empty_shows_an_accessible_error_summary()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Enter your user name");
        await Assertions.Expect(summary).ToContainTextAsync("Enter your password");
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex("^Error: Sign in"));
        // The summary takes focus (GOV.UK Frontend) and its links lead to the fields.
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter your user name" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("User name")).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "errors");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_new_practitioner_sets_up_two_factor_on_an_accessible_page()
    {
        var userName = "new.worker." + Guid.NewGuid().ToString("N")[..6];
        const string password = "a-first-password-for-e2e";
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(
                new NewUser(userName, "Nadia Newstarter", userName + "@example.org", "CSC", [Roles.SocialWorker], password, "Assessment Team"),
                Actor.System("test set-up"),
                TestContext.Current.CancellationToken);
        }

        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.EnterPasswordAsync(page, userName, password);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/two-factor/setup$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Set up two-factor authentication");
        await Assertions.Expect(page.Locator(".govuk-inset-text")).ToContainTextAsync("you must set up two-factor authentication");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code for adding Safeguard to your authenticator app" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "setup");
        await Axe.AssertNoViolationsAsync(page);

        var secret = (await page.GetByTestId("authenticator-secret").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);
        await page.GetByLabel("Code from your authenticator app").FillAsync(Totp.CodeAt(secret, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What you can do");
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Two-factor authentication is set up");
        await Screenshots.SaveAsync(page, "enrolled");
        await Axe.AssertNoViolationsAsync(page);
        problems.AssertNone();
    }
}
