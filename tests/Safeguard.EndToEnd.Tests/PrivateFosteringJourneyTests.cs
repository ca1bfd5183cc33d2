using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.PrivateFostering;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A private fostering notification, its first visit and the decision, in a browser, on accessible pages; and a
/// performance officer's page for Ofsted's Annex A, which downloads the workbook.
/// </summary>
public class PrivateFosteringJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task A_social_worker_records_a_notification_the_first_visit_and_the_decision()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        Guid childId;
        string childName;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var (young, old) = (today.AddYears(-6), today.AddYears(-14));
            var inCare = db.Set<CareEpisode>().Select(e => e.PersonId);
            var fostered = db.Set<PrivateFosteringArrangement>().Select(a => a.PersonId);
            var child = await db.People.AsNoTracking()
                .Where(p => p.Kind == PersonKind.Child && !p.IsRestricted && p.MergedIntoId == null && p.DateOfBirth < young && p.DateOfBirth > old
                    && !inCare.Contains(p.Id) && !fostered.Contains(p.Id))
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.DisplayName }).FirstAsync(TestContext.Current.CancellationToken);
            (childId, childName) = (child.Id, child.DisplayName);
        }

        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "social.worker");
        await page.GotoAsync($"/people/{childId}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a private fostering notification" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Record a private fostering notification");

        // Refused field by field when empty, then saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the notification" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Axe.StepAsync(page, "private-fostering-01-refused");
        await page.GetByLabel("Private foster carer's name").FillAsync("Mrs Joan Ashworth (great-aunt's friend)");
        await page.GetByLabel("The child's parent or parents").FillAsync("Mother, working in Dubai until July; reachable by phone");
        await page.Locator("input[name='Input.NotifiedBy'][value='School']").CheckAsync();
        await page.GetByLabel("Their name (and organisation)").FillAsync("Ms Head, St Mary's Primary");
        await DateInputs.FillByIdAsync(page, "Input-NotifiedOn", today.AddDays(-3));
        await DateInputs.FillByIdAsync(page, "Input-StartedOn", today.AddDays(-20));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the notification" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/private-fostering/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Private fostering arrangement");
        await Axe.StepAsync(page, "private-fostering-02-arrangement");

        // The first visit: the child seen alone.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record a visit" }).ClickAsync();
        await DateInputs.FillByIdAsync(page, "Input-VisitedOn", today.AddDays(-1));
        await page.Locator("input[name='Input.ChildSeen'][value='yes']").CheckAsync();
        await page.Locator("input[name='Input.ChildSeenAlone'][value='yes']").CheckAsync();
        await page.GetByLabel("Who visited").FillAsync("Sam Social");
        await Axe.StepAsync(page, "private-fostering-03-visit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the visit" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("visits")).ToContainTextAsync("Sam Social");

        // The decision: suitable.
        await page.GetByRole(AriaRole.Link, new() { Name = "Record the decision" }).ClickAsync();
        await DateInputs.FillByIdAsync(page, "Input-DecidedOn", today);
        await page.Locator("input[name='Input.Decision'][value='Suitable']").CheckAsync();
        await Axe.StepAsync(page, "private-fostering-04-decision");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-summary-list")).ToContainTextAsync("Suitable");
        await Axe.StepAsync(page, "private-fostering-05-decided");

        await page.GotoAsync("/private-fostering");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(childName);
        await Axe.StepAsync(page, "private-fostering-06-list");
        problems.AssertNone();
    }

    [Fact]
    public async Task A_performance_officer_downloads_Annex_A_from_an_accessible_page()
    {
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "performance");
        await page.GotoAsync("/returns/annex-a");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Ofsted Annex A");
        await Axe.StepAsync(page, "annex-a-01-page");
        problems.AssertNone(); // the download that follows ends its navigation, which the browser reports as aborted

        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        await DateInputs.FillByIdAsync(page, "AsAt", today);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download Annex A (XLSX)" }).ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        Assert.True(new FileInfo(path).Length > 1000);
    }
}
