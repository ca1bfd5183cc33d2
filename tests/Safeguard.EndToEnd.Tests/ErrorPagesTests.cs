using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>An app configured for a named area, to show that the fixture takes settings.</summary>
public class NorthshireAppFixture : SafeguardAppFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.UseSetting("Safeguard:AreaName", "Northshire");
}

/// <summary>The GOV.UK error pages: page not found, no permission, and a problem with the service.</summary>
public class ErrorPagesTests(NorthshireAppFixture app) : IClassFixture<NorthshireAppFixture>
{
    [Fact]
    public async Task Unknown_address_shows_page_not_found_with_status_404()
    {
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);

        var response = await page.GotoAsync("/no-such-page");

        Assert.NotNull(response);
        Assert.Equal(404, response.Status);
        Assert.Equal("Page not found – Safeguard", await page.TitleAsync());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
        await Assertions.Expect(page.Locator(".govuk-header")).ToContainTextAsync("Northshire partnership");
        await Screenshots.SaveAsync(page, "not-found");
        await Axe.AssertNoViolationsAsync(page);
        problems.AssertNone();
    }

    [Theory]
    [InlineData(403, "You do not have permission to view this page")]
    [InlineData(500, "Sorry, there is a problem with the service")]
    public async Task Error_page_shows_the_GOV_UK_pattern_for_the_status(int status, string heading)
    {
        var page = await app.NewPageAsync();

        var response = await page.GotoAsync($"/error/{status}");

        Assert.NotNull(response);
        Assert.Equal(status, response.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Cookies" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Axe.AssertNoViolationsAsync(page);
    }
}
