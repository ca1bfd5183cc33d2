using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>The pages anyone can open without signing in: they render in GOV.UK style and pass axe.</summary>
public class PublicPagesTests(SafeguardAppFixture app) : IClassFixture<SafeguardAppFixture>
{
    [Theory]
    [InlineData("/accessibility", "Accessibility statement", "Accessibility statement for Safeguard")]
    [InlineData("/cookies", "Cookies", "Cookies")]
    public async Task Page_shows_the_service_name_and_has_no_accessibility_violations(string path, string title, string heading)
    {
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);

        var response = await page.GotoAsync(path);

        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal($"{title} – Safeguard", await page.TitleAsync());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await Assertions.Expect(page.Locator(".govuk-header")).ToContainTextAsync("Safeguard");
        await Assertions.Expect(page.Locator(".govuk-header")).ToContainTextAsync("Demo area partnership");
        await Assertions.Expect(page.Locator(".govuk-phase-banner")).ToContainTextAsync("This is a new service");
        await Assertions.Expect(page.Locator("footer")).ToContainTextAsync("Accessibility statement");
        await Screenshots.SaveAsync(page, path.Trim('/'));
        await Axe.AssertNoViolationsAsync(page);
        problems.AssertNone();
    }

    [Fact]
    public async Task Cookies_page_lists_only_essential_cookies()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/cookies");

        var cookieNames = await page.Locator("table tbody th").AllTextContentsAsync();
        Assert.Contains(".Safeguard.Auth", cookieNames);
        Assert.Contains(".Safeguard.Antiforgery", cookieNames);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Essential cookies" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Pages_use_GOV_UK_Frontend_styles_fonts_and_scripts()
    {
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);

        await page.GotoAsync("/accessibility");

        // The stylesheet applied: the header is GOV.UK black.
        await Assertions.Expect(page.Locator(".govuk-header")).ToHaveCSSAsync("background-color", "rgb(11, 12, 12)");
        // The script ran its support check and initialised the components.
        await Assertions.Expect(page.Locator("body")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("govuk-frontend-supported"));
        // The font files the stylesheet points at (/assets/fonts/...) were served.
        var fontLoaded = await page.EvaluateAsync<bool>(
            """
            async () => {
              await document.fonts.ready;
              return [...document.fonts].some(f => f.family.replaceAll('"', '') === 'GDS Transport' && f.status === 'loaded');
            }
            """);
        Assert.True(fontLoaded, "The GDS Transport font did not load from /assets/fonts.");
        problems.AssertNone();
    }

    [Fact]
    public async Task Skip_link_moves_focus_to_the_main_content()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/cookies");

        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(".govuk-skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#main-content")).ToBeFocusedAsync();
    }
}
