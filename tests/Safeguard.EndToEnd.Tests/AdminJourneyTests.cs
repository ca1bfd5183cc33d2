using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>An administrator's pages in a browser: users, agencies and the audit trail, each accessible.</summary>
public class AdminJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task An_administrator_visits_users_agencies_and_the_audit_trail()
    {
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "admin");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What you can do");
        await Screenshots.SaveAsync(page, "0-home");
        await Axe.AssertNoViolationsAsync(page);

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" });
        await navigation.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/users$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Users");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Sam Social");
        await Assertions.Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveAttributeAsync("aria-current", "page");
        // "Sign out" is a button (it posts a form) but looks like the links beside it.
        var signOut = navigation.GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        var link = navigation.GetByRole(AriaRole.Link, new() { Name = "Users" });
        foreach (var property in new[] { "font-family", "font-size", "background-color", "border-top-width" })
        {
            var expected = await link.EvaluateAsync<string>($"e => getComputedStyle(e).getPropertyValue('{property}')");
            await Assertions.Expect(signOut).ToHaveCSSAsync(property, expected);
        }

        await Screenshots.SaveAsync(page, "1-users");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a user" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter a user name");
        await Screenshots.SaveAsync(page, "2-new-user-errors");
        await Axe.AssertNoViolationsAsync(page);

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Agencies and teams" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/agencies$"));
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("Demo area Police");
        await Screenshots.SaveAsync(page, "3-agencies");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Demo area Council Children's Social Care" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Demo area Council Children's Social Care");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Assessment Team" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "4-agency");
        await Axe.AssertNoViolationsAsync(page);

        await navigation.GetByRole(AriaRole.Link, new() { Name = "Audit trail" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/audit$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Audit trail");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("audit-count")).ToContainTextAsync("found");
        await page.Locator("table .govuk-details__summary").First.ClickAsync();
        await Assertions.Expect(page.Locator("table .govuk-details__text").First).ToBeVisibleAsync();
        await AssertNoHorizontalScrollingAsync(page);
        await Screenshots.SaveAsync(page, "5-audit");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Kind of record").SelectOptionAsync("Agency");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("EntityType=Agency"));
        await Assertions.Expect(page.Locator("table tbody tr").First).ToContainTextAsync("Agency");
        await Screenshots.SaveAsync(page, "6-audit-agencies");
        await Axe.AssertNoViolationsAsync(page);

        // The dates are GOV.UK date inputs: a date that is not real is refused beside its field, keeping what was typed.
        await DateInputs.FillAsync(page, "From (optional)", "31", "2", "2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The start date must be a real date, with a four-digit year");
        await Assertions.Expect(DateInputs.Group(page, "From (optional)").GetByLabel("Day")).ToHaveValueAsync("31");
        await Screenshots.SaveAsync(page, "7-audit-date-not-real");
        await Axe.AssertNoViolationsAsync(page);

        var today = Safeguard.Calendar.UkTime.Today(app.Services.GetRequiredService<TimeProvider>());
        await DateInputs.FillAsync(page, "From (optional)", today);
        await DateInputs.FillAsync(page, "To (optional)", today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table tbody tr").First).ToContainTextAsync("Agency");
        problems.AssertNone();
    }

    private static async Task AssertNoHorizontalScrollingAsync(IPage page)
    {
        var (content, viewport) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(content <= viewport, $"{page.Url} is {content}px wide in a {viewport}px window: something does not wrap.");
    }
}
