using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// An allegation about a football coach, in a browser, on accessible pages: the designated officer records it (finding
/// the child by name), makes the decision that the threshold is met, closes it as unfounded, and sees the figures.
/// </summary>
public class LadoJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_lado_records_an_allegation_decides_the_threshold_is_met_and_closes_it()
    {
        string childName;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            childName = await db.People.AsNoTracking()
                .Where(p => p.Kind == PersonKind.Child && !p.IsRestricted && p.MergedIntoId == null && p.DateOfBirth != null)
                .OrderBy(p => p.Id).Select(p => p.DisplayName).FirstAsync(TestContext.Current.CancellationToken);
        }

        var coach = "Cal " + new string([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "lado");
        await page.GotoAsync("/lado");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Allegations (LADO)");
        await Axe.StepAsync(page, "lado-01-list");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record an allegation" }).ClickAsync();
        await page.GetByLabel("Their full name").FillAsync(coach);
        await page.GetByLabel("Their role or job title").FillAsync("Football coach");
        await page.GetByLabel("Their employer, if not one of the partnership's agencies").FillAsync("Radcliffe Juniors FC");
        await page.GetByLabel("Sport and leisure", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Find a child by name").FillAsync(childName);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find the child" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = childName }).First.CheckAsync();
        await page.GetByLabel("Who made the referral").FillAsync("Club welfare officer");
        await page.GetByLabel("Behaviour towards a child", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("What is alleged").FillAsync("Messages to a player late at night asking to meet alone");
        await Axe.StepAsync(page, "lado-02-record");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the allegation" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/lado/allegations/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(coach);
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToContainTextAsync("Initial consideration");
        await Assertions.Expect(page.Locator("[data-testid=children]")).ToContainTextAsync(childName);
        await Axe.StepAsync(page, "lado-03-recorded");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the decision" }).ClickAsync();
        await page.GetByLabel("Threshold met", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Reason for the decision").FillAsync("Grooming concerns: messages to a child outside the club");
        await Axe.StepAsync(page, "lado-04-decision");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=decision]")).ToHaveTextAsync("Threshold met");
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToContainTextAsync("Resolution");
        await Axe.StepAsync(page, "lado-05-decided");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the outcome and close" }).ClickAsync();
        await page.GetByLabel("Unfounded", new() { Exact = true }).CheckAsync();
        await Axe.StepAsync(page, "lado-06-close");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the allegation" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=outcome]")).ToHaveTextAsync("Unfounded");
        await Assertions.Expect(page.Locator("[data-testid=status]")).ToContainTextAsync("Closed");
        await Axe.StepAsync(page, "lado-07-closed");

        await page.GotoAsync("/lado/figures");
        await Assertions.Expect(page.Locator("[data-testid=by-sector]")).ToContainTextAsync("Sport and leisure");
        await Axe.StepAsync(page, "lado-08-figures");

        // The coach asks for what is held about them: found by name, the allegation ticked, refused without a reason, then downloaded.
        await page.GotoAsync("/lado/subject-access");
        await page.GetByLabel("The worker's full name").FillAsync(coach);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find the allegations" }).ClickAsync();
        await page.GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await Axe.StepAsync(page, "lado-09-subject-access");
        await page.GetByRole(AriaRole.Button, new() { Name = "Download the export" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Axe.StepAsync(page, "lado-10-subject-access-refused");
        await page.GetByLabel("Why are you making the export?").FillAsync("Subject access request SAR-2026-041 from the coach");
        problems.AssertNone();

        // A download ends the page's navigation, which the browser reports as aborted: checked before it.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download the export" }).ClickAsync());
        Assert.EndsWith(".zip", download.SuggestedFilename, StringComparison.Ordinal);
        Assert.True(new FileInfo(await download.PathAsync()).Length > 100);
    }
}
