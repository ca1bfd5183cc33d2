using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// The improvement plan, in browsers, on accessible pages: the business unit opens the demo plan's overview, an outcome
/// and a workstream and adds a milestone; the workstream's lead rates it red from their agency's pages (refused without
/// a commentary) and the business unit sees the rating at the top of the workstream's history, then changes the
/// workstream (a blank title refused beside the field) and completes the milestone from their "Change" links.
/// </summary>
public class ImprovementPlanJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_business_unit_adds_a_milestone_and_the_lead_rates_their_workstream_from_their_agency_pages()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var milestone = "Workforce Board terms of reference " + Guid.NewGuid().ToString("N")[..6];

        var bu = await app.NewPageAsync();
        var buProblems = PageProblems.Watch(bu);
        await DemoAppFixture.SignInAsync(bu, "business.unit");
        await bu.GotoAsync("/assurance/improvement-plan");
        await Axe.StepAsync(bu, "improvement-plan-01-plans");
        await bu.Locator("[data-testid=plans] a").First.ClickAsync();
        await Assertions.Expect(bu.Locator("[data-testid=overview]")).ToContainTextAsync("3. Build a skilled, confident and experienced workforce");
        await Axe.StepAsync(bu, "improvement-plan-02-overview");
        await bu.GetByRole(AriaRole.Link, new() { Name = "3. Build a skilled, confident and experienced workforce" }).ClickAsync();
        await Assertions.Expect(bu.Locator("[data-testid=workstreams]")).ToContainTextAsync("Rolling recruitment");
        await Axe.StepAsync(bu, "improvement-plan-03-outcome");
        await bu.GetByRole(AriaRole.Link, new() { Name = "Rolling recruitment", Exact = true }).ClickAsync();
        await Assertions.Expect(bu).ToHaveURLAsync(new Regex("/assurance/improvement-plan/workstreams/[0-9a-f-]{36}"));
        var workstreamUrl = new Uri(bu.Url).PathAndQuery;
        await Axe.StepAsync(bu, "improvement-plan-04-workstream");

        await bu.GetByText("Add a milestone or action").ClickAsync();
        await bu.GetByLabel("Milestone", new() { Exact = true }).CheckAsync();
        await bu.GetByLabel("What is to be done").FillAsync(milestone);
        await DateInputs.FillByIdAsync(bu, "NewAction-DueOn", today.AddDays(20));
        var owner = await bu.Locator("#NewAction-OwnerUserId option", new() { HasText = "Dee Data" }).First.GetAttributeAsync("value");
        await bu.GetByLabel("Owner").SelectOptionAsync(owner!);
        await bu.GetByRole(AriaRole.Button, new() { Name = "Add it" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("It is added to the workstream.");
        await Assertions.Expect(bu.Locator("[data-testid=actions]")).ToContainTextAsync(milestone);
        await Axe.StepAsync(bu, "improvement-plan-05-milestone-added");

        // The lead rates the workstream from their own agency's pages.
        var lead = await app.NewPageAsync();
        var leadProblems = PageProblems.Watch(lead);
        await DemoAppFixture.SignInAsync(lead, "data.council");
        await lead.GotoAsync("/my-agency/improvement-plan");
        await Assertions.Expect(lead.Locator("h3", new() { HasText = "Workstream you lead: Rolling recruitment" })).ToBeVisibleAsync();
        await Axe.StepAsync(lead, "improvement-plan-06-my-part");
        var details = lead.Locator("details", new() { HasText = "Rate the workstream: Rolling recruitment" });
        await details.Locator("summary").ClickAsync();
        await details.GetByLabel("Red", new() { Exact = true }).CheckAsync();
        await details.GetByRole(AriaRole.Button, new() { Name = "Record the rating of Rolling recruitment" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".govuk-error-summary")).ToContainTextAsync("red and amber ratings need a commentary");
        await Axe.StepAsync(lead, "improvement-plan-07-refused");
        details = lead.Locator("details", new() { HasText = "Rate the workstream: Rolling recruitment" });
        await details.Locator("summary").ClickAsync();
        await details.GetByLabel("Red", new() { Exact = true }).CheckAsync();
        await details.GetByLabel("Commentary (needed for red or amber)").FillAsync("Agency staff still at 46%");
        await details.GetByRole(AriaRole.Button, new() { Name = "Record the rating of Rolling recruitment" }).ClickAsync();
        await Assertions.Expect(lead.Locator(".govuk-notification-banner")).ToContainTextAsync("Your rating is recorded.");
        leadProblems.AssertNone();

        await bu.GotoAsync(workstreamUrl);
        await Assertions.Expect(bu.Locator("[data-testid=history] tbody tr").First).ToContainTextAsync("Agency staff still at 46%");
        await Assertions.Expect(bu.Locator("[data-testid=history] tbody tr").First).ToContainTextAsync("Dee Data");
        await Axe.StepAsync(bu, "improvement-plan-08-history");

        // The business unit changes the workstream's impact from its "Change" link: a blank title is refused beside the field.
        await bu.GetByRole(AriaRole.Link, new() { Name = "Change the impact" }).ClickAsync();
        await Assertions.Expect(bu.Locator("h1")).ToHaveTextAsync("Change the workstream");
        await Axe.StepAsync(bu, "improvement-plan-09-change-workstream");
        await bu.GetByLabel("Workstream", new() { Exact = true }).FillAsync("");
        await bu.GetByLabel("Impact of activity so far (optional)").FillAsync("Agency staff down to 30% of the workforce");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Save the workstream" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the workstream's title");
        await Assertions.Expect(bu.Locator("#Input-Title-error")).ToContainTextAsync("Enter the workstream's title");
        await Axe.StepAsync(bu, "improvement-plan-10-change-refused");
        await bu.GetByLabel("Workstream", new() { Exact = true }).FillAsync("Rolling recruitment");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Save the workstream" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The workstream is changed.");
        await Assertions.Expect(bu.Locator("[data-testid=workstream]")).ToContainTextAsync("Agency staff down to 30% of the workforce");

        // And the milestone added above: completed.
        await bu.GetByRole(AriaRole.Link, new() { Name = "Change " + milestone }).ClickAsync();
        await Assertions.Expect(bu.GetByLabel("What is to be done")).ToHaveValueAsync(milestone);
        await Axe.StepAsync(bu, "improvement-plan-11-change-milestone");
        await bu.GetByLabel("Completed", new() { Exact = true }).CheckAsync();
        await bu.GetByRole(AriaRole.Button, new() { Name = "Save the changes" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The milestone or action is changed.");
        await Assertions.Expect(bu.Locator("[data-testid=actions] tr", new() { HasText = milestone }).Locator("select")).ToHaveValueAsync("Completed");
        buProblems.AssertNone();
    }
}
