using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;
using Safeguard.EarlyHelp;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// An early help episode in browsers, on accessible pages: the coordinator starts one for a family with the school
/// user as lead professional, adds a member to the team around the family, and the school user (a partner) records a
/// review and closes it from their agency's page.
/// </summary>
public class EarlyHelpJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    /// <summary>A demo child, not restricted, on no early help episode.</summary>
    private async Task<string> ChildAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var onEarlyHelp = db.Set<EarlyHelpFamilyMember>().Select(m => m.PersonId);
        return await db.People.AsNoTracking()
            .Where(p => !p.IsRestricted && p.Kind == PersonKind.Child && p.MergedIntoId == null && !onEarlyHelp.Contains(p.Id))
            .OrderBy(p => p.Id)
            .Select(p => p.DisplayName)
            .FirstAsync(TestContext.Current.CancellationToken);
    }

    private async Task<(string Schools, string Hospital, string SchoolUser, string SchoolsName)> IdsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, ct);
        var user = await db.Users.AsNoTracking().Where(u => u.UserName == "school").Select(u => u.Id).SingleAsync(ct);
        return (agencies["SCHOOLS"].Id.ToString(), agencies["HOSP"].Id.ToString(), user.ToString(), agencies["SCHOOLS"].Name);
    }

    [Fact]
    public async Task The_coordinator_starts_an_episode_and_the_school_adds_a_review_and_closes_it()
    {
        var child = await ChildAsync();
        var ids = await IdsAsync();
        var family = EarlyHelpService.FamilyOf(child);
        var today = UkTime.Today(app.Services.GetRequiredService<TimeProvider>());

        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "early.help");
        await page.GotoAsync("/early-help");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Early help");
        await Axe.StepAsync(page, "early-help-01-list");

        await page.GetByRole(AriaRole.Button, new() { Name = "Start an episode" }).ClickAsync();
        await page.GetByLabel("Find a child by name").FillAsync(child);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the episode" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Add the child or children of the family");
        await Axe.StepAsync(page, "early-help-02-start-refused");

        await page.GetByLabel(new Regex("^" + Regex.Escape(child) + " \\(born")).First.CheckAsync();
        await page.GetByLabel("A partner agency directly", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("The agency that asked (a partner agency directly)").SelectOptionAsync(ids.Schools);
        await page.GetByLabel("Lead professional", new() { Exact = true }).SelectOptionAsync(ids.SchoolUser);
        await page.GetByLabel("Their role (optional)").FillAsync("Designated safeguarding lead");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the episode" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/early-help/[0-9a-f-]{36}$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(family);
        await Assertions.Expect(page.GetByTestId("lead")).ToContainTextAsync($"Sid School, Designated safeguarding lead ({ids.SchoolsName})");
        await Axe.StepAsync(page, "early-help-03-started");
        var url = page.Url;

        await page.GetByText("Add a member").ClickAsync();
        await page.Locator("#Member-AgencyId").SelectOptionAsync(ids.Hospital);
        await page.Locator("#Member-Name").FillAsync("Hilary Visitor");
        await page.Locator("#Member-Role").FillAsync("Health visitor");
        await DateInputs.FillByIdAsync(page, "Member-JoinedOn", today);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the member" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The member is added to the team around the family");
        await Assertions.Expect(page.GetByTestId("team")).ToContainTextAsync("Hilary Visitor");
        await Axe.StepAsync(page, "early-help-04-member");
        problems.AssertNone();

        // The school user leads it: they see it on their agency's page, record a review and close it.
        var school = await app.NewPageAsync();
        var schoolProblems = PageProblems.Watch(school);
        await DemoAppFixture.SignInAsync(school, "school");
        await school.GotoAsync("/my-agency/early-help");
        await school.GetByRole(AriaRole.Link, new() { Name = family }).First.ClickAsync();
        await Assertions.Expect(school.Locator("h1")).ToHaveTextAsync(family);
        await Axe.StepAsync(school, "early-help-05-school");

        await school.GetByText("Record a review").ClickAsync();
        await school.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();
        await Assertions.Expect(school.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date of the meeting");
        await Axe.StepAsync(school, "early-help-06-review-refused");
        await DateInputs.FillByIdAsync(school, "Review-HeldOn", today);
        await school.GetByLabel("Improving", new() { Exact = true }).CheckAsync();
        await school.GetByLabel("Notes (optional)").FillAsync("Attendance is up; the plan continues.");
        await school.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();
        await Assertions.Expect(school.GetByTestId("reviews")).ToContainTextAsync("Attendance is up");

        await school.GetByText("Close early help for the family").ClickAsync();
        await DateInputs.FillByIdAsync(school, "Closure-ClosedOn", today);
        await school.GetByLabel("Needs met", new() { Exact = true }).CheckAsync();
        await school.GetByRole(AriaRole.Button, new() { Name = "Close the episode" }).ClickAsync();
        await Assertions.Expect(school.GetByTestId("episode-summary")).ToContainTextAsync("Needs met");
        await Axe.StepAsync(school, "early-help-07-closed");
        schoolProblems.AssertNone();

        // The social care record is not open to the school.
        var response = await school.GotoAsync(url);
        Assert.Equal(403, response!.Status);
    }
}
