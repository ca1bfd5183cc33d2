using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A board's meetings, in browsers, on accessible pages: the business unit adds a task and finish group under the demo
/// quality assurance subgroup, a police member with their Safeguard user, a meeting held a month ago and one to come; it
/// records the attendance (refused until every member is accounted for), a decision and an action already overdue. The
/// police member names a deputy for the coming meeting and completes the action from their agency's pages; the
/// business unit sees the board in the year's figures.
/// </summary>
public class GovernanceJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    [Fact]
    public async Task The_business_unit_runs_a_meeting_and_the_member_names_a_deputy_and_completes_an_action()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var name = "Neglect toolkit group " + Guid.NewGuid().ToString("N")[..6];
        var held = today.AddDays(-30);
        var coming = today.AddDays(21);
        var due = today.AddDays(-7);

        var bu = await app.NewPageAsync();
        var buProblems = PageProblems.Watch(bu);
        await DemoAppFixture.SignInAsync(bu, "business.unit");
        await bu.GotoAsync("/governance");
        await Assertions.Expect(bu.Locator("[data-testid=boards]")).ToContainTextAsync("Quality Assurance and Performance Subgroup");
        await Axe.StepAsync(bu, "governance-01-boards");

        await bu.GetByRole(AriaRole.Button, new() { Name = "Add the board" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the board's name");
        await Axe.StepAsync(bu, "governance-02-refused");
        await bu.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await bu.GetByLabel("Kind").SelectOptionAsync(new SelectOptionValue { Label = "Task and finish group" });
        await bu.GetByLabel("Reports to").SelectOptionAsync(new SelectOptionValue { Label = "Quality Assurance and Performance Subgroup" });
        await bu.GetByLabel("Quorum (optional)").FillAsync("1");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Add the board" }).ClickAsync();
        await Assertions.Expect(bu).ToHaveURLAsync(new Regex("/governance/boards/[0-9a-f-]{36}$"));
        var boardUrl = new Uri(bu.Url).AbsolutePath;

        await bu.GetByText("Add a member").ClickAsync();
        await bu.GetByLabel("Agency", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Demo area Police" });
        await bu.GetByLabel("Name", new() { Exact = true }).FillAsync("Piers Police");
        await bu.GetByLabel("Their Safeguard user (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Piers Police" });
        await bu.GetByLabel("Role on the board").FillAsync("Member (police)");
        await bu.GetByLabel("Named deputy (optional)").FillAsync("DS Deputy");
        await DateInputs.FillByIdAsync(bu, "Member-StartOn", today.AddDays(-60));
        await bu.GetByRole(AriaRole.Button, new() { Name = "Add the member" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The member is added.");

        foreach (var (on, agenda) in new[] { (held, "Toolkit draft\nTraining plan"), (coming, "Toolkit launch") })
        {
            await bu.GetByText("Arrange a meeting").ClickAsync();
            await DateInputs.FillByIdAsync(bu, "Meeting-HeldOn", on);
            await bu.GetByLabel("Agenda (optional)").FillAsync(agenda);
            await bu.GetByRole(AriaRole.Button, new() { Name = "Arrange the meeting" }).ClickAsync();
            await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The meeting is arranged");
        }

        await Assertions.Expect(bu.Locator("[data-testid=members]")).ToContainTextAsync("Piers Police");
        await Axe.StepAsync(bu, "governance-03-board");

        // The meeting held a month ago: attendance, a decision and an action.
        await bu.Locator("[data-testid=meetings]").GetByRole(AriaRole.Link, new() { Name = LongDate(held) }).ClickAsync();
        await Assertions.Expect(bu.Locator("[data-testid=agenda]")).ToContainTextAsync("Training plan");

        // Before the attendance is recorded the agenda can change: an item with its time, presenter and paper, moved up.
        await bu.GetByText("Add an agenda item").ClickAsync();
        await bu.GetByLabel("Title", new() { Exact = true }).FillAsync("Police comments on the toolkit");
        await bu.GetByLabel("Time (optional)").FillAsync("25:00");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Add the item" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the time the item starts as hours and minutes, such as 10:30");
        await Axe.StepAsync(bu, "governance-04a-agenda-refused");
        await bu.GetByLabel("Time (optional)").FillAsync("10:30");
        await bu.GetByLabel("Presenter (optional)").FillAsync("Piers Police");
        await bu.GetByLabel("Presenter's agency (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Demo area Police" });
        await bu.GetByLabel("Paper reference (optional)").FillAsync("Paper 3");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Add the item" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The item is added to the agenda.");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Move up item 3, Police comments on the toolkit" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The agenda is reordered.");
        await Assertions.Expect(bu.Locator("[data-testid=agenda-item]").Nth(1)).ToContainTextAsync("Police comments on the toolkit");
        await Assertions.Expect(bu.Locator("[data-testid=agenda-item]").Nth(1)).ToContainTextAsync("Piers Police (Demo area Police)");
        await Axe.StepAsync(bu, "governance-04b-agenda");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Record the attendance" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-error-summary")).ToContainTextAsync("Select how Piers Police (Demo area Police) was at the meeting");
        await Axe.StepAsync(bu, "governance-04-attendance-refused");
        await bu.Locator("[data-testid=attendance] input[value=SentDeputy]").CheckAsync();
        await bu.GetByRole(AriaRole.Button, new() { Name = "Record the attendance" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The attendance is recorded.");
        await Assertions.Expect(bu.Locator("[data-testid=quoracy]")).ToContainTextAsync("1 of 1 members there in person or by deputy (quorum 1). Quorate");
        await Assertions.Expect(bu.GetByRole(AriaRole.Button, new() { Name = "Add the item" })).ToHaveCountAsync(0);
        await bu.Locator("#Decision-AgendaItemId").SelectOptionAsync(new SelectOptionValue { Label = "1. Toolkit draft" });
        await bu.GetByLabel("Record a decision").FillAsync("The toolkit goes to the business group for approval.");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(bu.Locator("[data-testid=decisions]")).ToContainTextAsync("The toolkit goes to the business group");
        await bu.GetByText("Add an action").ClickAsync();
        await bu.Locator("#Action-AgendaItemId").SelectOptionAsync(new SelectOptionValue { Label = "2. Police comments on the toolkit" });
        await bu.GetByLabel("Action", new() { Exact = true }).FillAsync("Send the police comments on the toolkit");
        await bu.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Piers Police (Demo area Police)" });
        await DateInputs.FillByIdAsync(bu, "Action-DueOn", due);
        await bu.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Assertions.Expect(bu.Locator("[data-testid=actions]")).ToContainTextAsync("Overdue");
        var groups = bu.Locator("[data-testid=minutes-item]");
        await Assertions.Expect(groups.Nth(0)).ToContainTextAsync("Item 1: Toolkit draft");
        await Assertions.Expect(groups.Nth(0)).ToContainTextAsync("The toolkit goes to the business group");
        await Assertions.Expect(groups.Nth(1)).ToContainTextAsync("Item 2: Police comments on the toolkit");
        await Assertions.Expect(groups.Nth(1)).ToContainTextAsync("Send the police comments on the toolkit");
        await Axe.StepAsync(bu, "governance-05-meeting");

        // The police member: names a deputy for the coming meeting and completes the overdue action.
        var police = await app.NewPageAsync();
        var policeProblems = PageProblems.Watch(police);
        await DemoAppFixture.SignInAsync(police, "partner.police");
        await police.GotoAsync("/my-agency/meetings");
        await Assertions.Expect(police.Locator("[data-testid=memberships]")).ToContainTextAsync(name);
        await Assertions.Expect(police.Locator("[data-testid=actions]")).ToContainTextAsync("Send the police comments on the toolkit");
        await Axe.StepAsync(police, "governance-06-member");
        var card = police.Locator(".govuk-summary-card").Filter(new() { HasText = $"{name}, {LongDate(coming)}" });
        await card.GetByLabel("Deputy who will come in your place (optional)").FillAsync("DC Stand-in");
        await card.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-notification-banner")).ToContainTextAsync("DC Stand-in will come in your place");
        await police.GetByLabel("Action", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"Send the police comments on the toolkit (due {LongDate(due)})" });
        await police.GetByLabel("Where it stands").SelectOptionAsync(new SelectOptionValue { Label = "Completed" });
        await police.GetByRole(AriaRole.Button, new() { Name = "Save the update" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what has been done");
        await Axe.StepAsync(police, "governance-07-update-refused");
        await police.GetByLabel("What has been done").FillAsync("Comments sent to the chair");
        await police.GetByRole(AriaRole.Button, new() { Name = "Save the update" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-notification-banner")).ToContainTextAsync("Your action is updated.");
        await Assertions.Expect(police.Locator("[data-testid=actions]")).ToContainTextAsync("Comments sent to the chair");
        await Axe.StepAsync(police, "governance-08-member-updated");
        policeProblems.AssertNone();

        // The business unit sees the apology and the board in the year's figures.
        await bu.GotoAsync(boardUrl);
        await bu.Locator("[data-testid=meetings]").GetByRole(AriaRole.Link, new() { Name = LongDate(coming) }).ClickAsync();
        await Assertions.Expect(bu.Locator("[data-testid=attendance] input[value=SentDeputy]")).ToBeCheckedAsync();
        await bu.GotoAsync($"/governance/figures?year={Safeguard.Common.ReportingYear.Of(held).StartYear}");
        await Assertions.Expect(bu.Locator("[data-testid=board-figures]")).ToContainTextAsync(name);
        await Assertions.Expect(bu.Locator("[data-testid=agency-figures]")).ToContainTextAsync("Demo area Police");
        await Axe.StepAsync(bu, "governance-09-figures");
        await bu.GotoAsync("/governance/plan");
        await Assertions.Expect(bu.Locator("[data-testid=priorities]")).ToContainTextAsync("Neglect");
        await Axe.StepAsync(bu, "governance-10-plan");
        buProblems.AssertNone();
    }
}
