using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>A user finds the daily email setting from the home page, is refused an empty choice and turns it off, on accessible pages.</summary>
public class ReminderJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task A_user_turns_the_daily_email_of_their_work_off_from_the_home_page()
    {
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "team.manager");
        await page.GotoAsync("/");
        await page.GetByTestId("tasks").GetByRole(AriaRole.Link, new() { Name = "Daily email of your work" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Daily email of your work");
        await Assertions.Expect(page.GetByLabel("Yes, send me the daily email")).ToBeCheckedAsync();
        await Screenshots.SaveAsync(page, "choice");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("No, I will check Safeguard myself").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You will not get the daily email of your work.");
        await Assertions.Expect(page.GetByLabel("No, I will check Safeguard myself")).ToBeCheckedAsync();
        await Screenshots.SaveAsync(page, "saved");
        await Axe.AssertNoViolationsAsync(page);
        problems.AssertNone();
    }
}
