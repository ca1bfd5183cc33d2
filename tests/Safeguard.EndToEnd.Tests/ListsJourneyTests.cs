using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Auditing;
using Safeguard.FrontDoor;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// The practitioners' lists in a real browser on the demo area: the home page's counts, the team's due work and
/// "My work" filtered, sorted and downloaded, the front door queue with its clock on one line and its print layout,
/// and a partner's contacts paged; axe-core on each.
/// </summary>
public class ListsJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static readonly Regex OverdueOrDue = new("^(Overdue|Due|\\d+ working days left)");

    [Fact]
    public async Task A_team_manager_sees_the_teams_counts_at_home_and_opens_the_teams_due_work_from_them()
    {
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "team.manager");
        var counts = page.GetByTestId("counts");
        await Assertions.Expect(counts).ToContainTextAsync("Assessment Team's due work");
        await Screenshots.SaveAsync(page, "lists-1-home-counts");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Assessment Team's due work", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Due soon or overdue for the team");
        await Screenshots.SaveAsync(page, "lists-2-team");
        await Axe.AssertNoViolationsAsync(page);

        // Everything the team holds, then only what is not yet due: every row the list keeps says so.
        await page.GetByLabel("Show").SelectOptionAsync("all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Everything due for the team");
        var rows = page.Locator("[data-testid='due-work'] tbody tr");
        await Assertions.Expect(rows.First).ToBeVisibleAsync();
        await page.GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Not yet due" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Status")).ToHaveValueAsync("not-yet-due");
        var states = await page.Locator("[data-testid='due-work'] tbody tr td:last-child").AllTextContentsAsync();
        Assert.NotEmpty(states);
        Assert.All(states, s => Assert.Matches("working days left$", s.Trim()));
        await Screenshots.SaveAsync(page, "lists-2b-team-everything");
        await Axe.AssertNoViolationsAsync(page);

        // The area's referrals waiting to be opened, from the team page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Referrals waiting to be opened" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Referrals waiting to be opened");
        await Screenshots.SaveAsync(page, "lists-2c-referrals-waiting");
        await Axe.AssertNoViolationsAsync(page);
        problems.AssertNone();
    }

    [Fact]
    public async Task A_social_worker_sees_their_work_counted_filtered_by_what_is_due_and_printed_as_the_table_alone()
    {
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "social.worker");
        await Assertions.Expect(page.GetByTestId("counts")).ToContainTextAsync("My work");

        await page.GotoAsync("/casework/my-work");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My work");
        await Assertions.Expect(page.GetByTestId("counts")).ToContainTextAsync(new Regex("\\d+ overdue, \\d+ due soon and \\d+ later"));
        var kinds = await page.Locator("#What option").AllTextContentsAsync();
        Assert.Contains("Assessment", kinds);
        await page.GetByLabel("What is due").SelectOptionAsync("Assessment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        var what = await page.Locator("[data-testid='due-work'] tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.NotEmpty(what);
        Assert.All(what, w => Assert.Equal("Assessment", w.Trim()));
        Assert.All(await page.Locator("[data-testid='due-work'] tbody tr td:last-child").AllTextContentsAsync(), s => Assert.Matches(OverdueOrDue, s.Trim()));
        await Screenshots.SaveAsync(page, "lists-3-my-work");
        await Axe.AssertNoViolationsAsync(page);

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("form.app-no-print")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".app-list-downloads")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("due-work")).ToBeVisibleAsync();
        problems.AssertNone();
    }

    [Fact]
    public async Task The_front_door_queue_keeps_its_clock_on_one_line_filters_by_agency_and_prints_without_the_filters()
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "front.door", TestContext.Current.CancellationToken);
            var police = await db.Agencies.AsNoTracking().Where(a => a.Code == "POLICE").Select(a => a.Id).SingleAsync(TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<ContactService>().RecordAsync(new NewContact
            {
                ReceivedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().AddDays(-7),
                FromAgencyId = police,
                ReferrerName = "PC Dana Holt",
                ReferrerRole = "Response officer",
                ReferralSource = "6",
                Concerns = "Found alone at home late at night.",
                Consent = ConsentPosition.Given,
                Children = [new ContactChildInput(null, new NewPerson { GivenNames = "Maximilian-Alexander", FamilyName = "Featherstonehaugh-Whittingham", DateOfBirth = new DateOnly(2016, 2, 2), Sex = "M" })],
            }, ContactChannel.FrontDoor, new Actor(user.Id, user.DisplayName, user.AgencyId), TestContext.Current.CancellationToken);
        }

        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "front.door");
        await Assertions.Expect(page.GetByTestId("counts")).ToContainTextAsync("Front door queue");
        await page.GotoAsync("/front-door");
        var row = page.Locator("[data-testid='queue'] tbody tr").Filter(new() { HasText = "Featherstonehaugh-Whittingham" });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var tag = row.Locator("td:last-child .govuk-tag");
        await Assertions.Expect(tag).ToHaveTextAsync(new Regex("^Overdue \\(\\d+ working days\\)$"));
        var box = await tag.BoundingBoxAsync();
        Assert.True(box!.Height < 45, $"The decision's tag wraps: {box.Height} px high.");
        await Screenshots.SaveAsync(page, "lists-4-front-door-queue");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("From").SelectOptionAsync(new SelectOptionValue { Label = "Demo area Police" });
        await page.GetByLabel("Decision").SelectOptionAsync("overdue");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(row).ToHaveCountAsync(1);
        Assert.All(await page.Locator("[data-testid='queue'] tbody tr td:nth-child(3)").AllTextContentsAsync(), a => Assert.Equal("Demo area Police", a.Trim()));
        await Axe.AssertNoViolationsAsync(page);

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator("form.app-no-print")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".govuk-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("queue")).ToBeVisibleAsync();
        problems.AssertNone();
    }

    [Fact]
    public async Task A_partner_pages_through_their_agencys_requests_and_contacts_and_filters_the_contacts_by_outcome()
    {
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "partner");
        await Assertions.Expect(page.GetByTestId("counts")).ToContainTextAsync("Requests for information to your agency");
        await page.GotoAsync("/my-agency");
        var requestsCount = page.GetByTestId("list-count").Filter(new() { HasTextRegex = new Regex("requests$") }).First;
        var contactsCount = page.GetByTestId("list-count").Filter(new() { HasTextRegex = new Regex("contacts$") }).First;
        await Assertions.Expect(requestsCount).ToContainTextAsync(new Regex("^Showing 1 to 50 of \\d+ requests$"));
        await Assertions.Expect(page.GetByTestId("agency-requests").Locator("tbody tr")).ToHaveCountAsync(50);
        await Assertions.Expect(contactsCount).ToContainTextAsync(new Regex("^Showing 1 to 50 of \\d+ contacts$"));
        await Assertions.Expect(page.GetByTestId("agency-contacts").Locator("tbody tr")).ToHaveCountAsync(50);
        await Axe.AssertNoViolationsAsync(page);

        // The requests and the contacts page on their own: each keeps the other's page.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of contacts" }).First.GetByRole(AriaRole.Link, new() { Name = "Page 2", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("page=2"));
        await Assertions.Expect(contactsCount).ToContainTextAsync(new Regex("^Showing 51 to "));
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of contacts" }).First.Locator(".govuk-pagination__item--current")).ToHaveTextAsync("2");
        await Screenshots.SaveAsync(page, "lists-5-my-agency-page-2");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Pages of requests" }).First.GetByRole(AriaRole.Link, new() { Name = "Page 2", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("requests-page=2"));
        await Assertions.Expect(requestsCount).ToContainTextAsync(new Regex("^Showing 51 to "));
        await Assertions.Expect(contactsCount).ToContainTextAsync(new Regex("^Showing 51 to "));
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Outcome").SelectOptionAsync("decided");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page).Not.ToHaveURLAsync(new Regex("page=2"));
        Assert.All(await page.GetByTestId("agency-contacts").Locator("tbody tr td:last-child").AllTextContentsAsync(), o => Assert.NotEqual("Awaiting a decision", o.Trim()));
        problems.AssertNone();
    }
}
