using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// From a police report to the exploitation and missing panel, in browsers, on accessible pages: the child returns and
/// declines their return home interview, a social worker links where they were found, the child comes onto the panel's
/// agenda, the panel decides and sets an action, and the action is on its owner's due work until done. The child's
/// network picture is checked with axe too.
/// </summary>
public class PanelJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static string UniqueFamily() =>
        "Pane" + new string([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);

    private static async Task FillWhenAsync(IPage page, string id, DateTimeOffset instant, string timeLabel)
    {
        var local = UkTime.ToUkLocal(instant);
        await DateInputs.FillByIdAsync(page, id, DateOnly.FromDateTime(local.DateTime));
        await page.GetByLabel(timeLabel).FillAsync(local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_police_report_brings_a_child_to_the_panel_whose_action_reaches_its_owners_due_work()
    {
        var family = UniqueFamily();
        var child = $"Rio {family}";
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = UkTime.ToUkDate(now);

        // The police report the child missing and record the return.
        var police = await app.NewPageAsync();
        var policeProblems = PageProblems.Watch(police);
        await DemoAppFixture.SignInAsync(police, "partner");
        await police.GotoAsync("/my-agency/missing/new");
        await police.GetByLabel("Given names").FillAsync("Rio");
        await police.GetByLabel("Family name").FillAsync(family);
        await police.Locator("#Child-Born").FillAsync("3");
        await police.Locator("#Child-Born-month").FillAsync("7");
        await police.Locator("#Child-Born-year").FillAsync("2010");
        await police.GetByLabel("Sex").SelectOptionAsync("M");
        await police.GetByLabel("Missing", new() { Exact = true }).CheckAsync();
        await police.GetByLabel("Home", new() { Exact = true }).CheckAsync();
        await police.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await FillWhenAsync(police, "Input-Started", now.AddHours(-30), "Time they went missing");
        await police.GetByLabel("Police risk grading at report").SelectOptionAsync("Medium");
        await police.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await Assertions.Expect(police).ToHaveURLAsync(new Regex("/my-agency/missing/[0-9a-f-]{36}$"));
        var returned = now.AddHours(-6);
        await FillWhenAsync(police, "Input-Ended", returned, "Time they returned");
        await police.GetByLabel("Where were they found or did they return to?").FillAsync("The bus station");
        await police.GetByRole(AriaRole.Button, new() { Name = "Record the return" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-notification-banner")).ToContainTextAsync("A return home interview is due within 72 hours");
        policeProblems.AssertNone();

        // A social worker records that the child declined the interview, adds the bus station and links it to the episode.
        var worker = await app.NewPageAsync();
        var workerProblems = PageProblems.Watch(worker);
        await DemoAppFixture.SignInAsync(worker, "social.worker");
        await worker.GotoAsync("/missing");
        await worker.Locator("[data-testid=interviews-due] tr", new() { HasText = child }).GetByRole(AriaRole.Link).ClickAsync();
        var episodeUrl = worker.Url;
        await worker.GetByRole(AriaRole.Link, new() { Name = "Record the return home interview" }).ClickAsync();
        await FillWhenAsync(worker, "Input-Offered", returned.AddHours(2), "Time it was offered");
        await worker.GetByLabel("Who offered it").FillAsync("Rae Return");
        await worker.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await worker.GetByLabel("Declined", new() { Exact = true }).CheckAsync();
        await worker.GetByLabel("Why the child declined, or why it was not possible").FillAsync("Said there was nothing to talk about");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the interview" }).ClickAsync();
        await Assertions.Expect(worker.Locator("[data-testid=interview]")).ToContainTextAsync("Declined");

        await worker.GotoAsync("/contextual/locations/new");
        await worker.GetByLabel("Name of the place").FillAsync($"Bus station {family}");
        await worker.GetByLabel("Transport hub").CheckAsync();
        await worker.GetByLabel("Postcode (optional)").FillAsync("BL9 0BT");
        await Axe.StepAsync(worker, "panel-01-new-place");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the place" }).ClickAsync();
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync($"Bus station {family}");
        await Axe.StepAsync(worker, "panel-02-place");

        await worker.GotoAsync(episodeUrl);
        await worker.GetByRole(AriaRole.Link, new() { Name = "Link a place or person to this episode" }).ClickAsync();
        await Axe.StepAsync(worker, "panel-03-choose-link");
        await worker.GetByLabel("Place", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"Bus station {family}, BL9 0BT" });
        await worker.GetByRole(AriaRole.Button, new() { Name = "Link to this place" }).ClickAsync();
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync($"Link {child} to Bus station {family}");
        await Assertions.Expect(worker.GetByLabel("Found there when missing")).ToBeCheckedAsync();
        await Axe.StepAsync(worker, "panel-04-link");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the link" }).ClickAsync();
        await Assertions.Expect(worker.Locator("[data-testid=episode-links]")).ToContainTextAsync($"Bus station {family}");

        // The network picture of the child, with its table of links.
        var linkHref = await worker.Locator("a[href*='/contextual/link?Episode=']").GetAttributeAsync("href");
        var childId = Regex.Match(linkHref ?? "", "/people/([0-9a-f-]{36})/").Groups[1].Value;
        await worker.GotoAsync($"/people/{childId}/contextual");
        await Assertions.Expect(worker.Locator("svg[data-testid=network]")).ToBeVisibleAsync();
        await Assertions.Expect(worker.Locator("[data-testid=network-table]")).ToContainTextAsync("Found there when missing");
        await Axe.StepAsync(worker, "panel-05-network");
        await worker.GotoAsync($"/contextual?Search={family}");
        await Assertions.Expect(worker.Locator("[data-testid=places]")).ToContainTextAsync($"Bus station {family}");
        await Axe.StepAsync(worker, "panel-05-places");
        workerProblems.AssertNone();

        // The team manager schedules the panel and builds its agenda: the child is on it for the declined interview.
        var manager = await app.NewPageAsync();
        var managerProblems = PageProblems.Watch(manager);
        await DemoAppFixture.SignInAsync(manager, "team.manager");
        await manager.GotoAsync("/panels");
        await Axe.StepAsync(manager, "panel-06-panels");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Schedule a meeting" }).ClickAsync();
        var meetingDate = today.AddDays(1 + Random.Shared.Next(200));
        await DateInputs.FillByIdAsync(manager, "Input-MeetingDate", meetingDate);
        await manager.GetByLabel("Chair").FillAsync("DCI Ada Chair");
        await Axe.StepAsync(manager, "panel-07-schedule");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Schedule the meeting" }).ClickAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Build the agenda from the criteria" }).ClickAsync();
        var row = manager.Locator("[data-testid=agenda] tr", new() { HasText = child });
        await Assertions.Expect(row).ToContainTextAsync("Return home interview declined");
        await manager.GetByLabel("Agency").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await manager.GetByLabel("Name", new() { Exact = true }).FillAsync("DS Jo Jones");
        await manager.GetByLabel("Attended", new() { Exact = true }).CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Add to the attendance" }).ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=attendance]")).ToContainTextAsync("DS Jo Jones");
        await Axe.StepAsync(manager, "panel-08-meeting");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Record the minutes" }).ClickAsync();
        await manager.GetByLabel("Minutes", new() { Exact = true }).FillAsync("Police, health and children's social care present. Bus station a recurring location.");
        await Axe.StepAsync(manager, "panel-08-minutes");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the minutes" }).ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=minutes]")).ToContainTextAsync("Bus station a recurring location");

        // The decision and an action for the social worker.
        await manager.Locator("[data-testid=agenda] tr", new() { HasText = child }).GetByRole(AriaRole.Link, new() { Name = child }).ClickAsync();
        await manager.GetByLabel("The panel's decision").FillAsync("Exploitation screening; map associates at the bus station");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the decision" }).ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=decision]")).ToContainTextAsync("Exploitation screening");
        await manager.GetByLabel("What is to be done").FillAsync($"Complete the exploitation screening for {child}");
        var owner = await manager.Locator("#Input-OwnerUserId option", new() { HasText = "Sam Social" }).GetAttributeAsync("value");
        await manager.GetByLabel("Who owns it").SelectOptionAsync(owner!);
        await DateInputs.FillByIdAsync(manager, "Input-DueOn", meetingDate.AddDays(14));
        await Axe.StepAsync(manager, "panel-09-case");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Add the action" }).ClickAsync();
        await Assertions.Expect(manager.Locator("[data-testid=actions]")).ToContainTextAsync("Sam Social");
        await Axe.StepAsync(manager, "panel-10-action-set");
        managerProblems.AssertNone();

        // The action is on the social worker's due work; they open it and mark it done.
        await worker.GotoAsync($"/casework/my-work?Child={family}");
        var due = worker.Locator("tr", new() { HasText = "Panel action: Complete the exploitation screening" });
        await Assertions.Expect(due).ToContainTextAsync(child);
        await Axe.StepAsync(worker, "panel-11-my-work");
        await due.GetByRole(AriaRole.Link, new() { Name = child }).ClickAsync();
        await Assertions.Expect(worker.Locator("[data-testid=action]")).ToContainTextAsync("Open");
        await Axe.StepAsync(worker, "panel-12-action");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();
        await Assertions.Expect(worker.Locator("[data-testid=action]")).ToContainTextAsync("Done by Sam Social");
        await worker.GotoAsync($"/casework/my-work?Child={family}");
        await Assertions.Expect(worker.Locator("main")).Not.ToContainTextAsync("Panel action: Complete the exploitation screening");
        workerProblems.AssertNone();
    }
}
