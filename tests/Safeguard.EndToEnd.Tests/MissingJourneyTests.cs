using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A child reported missing by the police to their return home interview, in browsers, on accessible pages: the
/// officer reports the child and records the return, the front door sees the interview due on its queue, a social
/// worker records the interview, and the clock shows it offered within 72 hours.
/// </summary>
public class MissingJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    private static string UniqueFamily() =>
        "Wren" + new string([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);

    private static async Task FillWhenAsync(IPage page, string id, DateTimeOffset instant, string timeLabel)
    {
        var local = UkTime.ToUkLocal(instant);
        await page.Locator($"#{id}").FillAsync(local.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-month").FillAsync(local.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-year").FillAsync(local.Year.ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel(timeLabel).FillAsync(local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_police_report_becomes_a_return_and_a_return_home_interview_within_72_hours()
    {
        var family = UniqueFamily();
        var child = $"Tia {family}";
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();

        // The police report the child missing, first leaving out the risk grading.
        var police = await app.NewPageAsync();
        var policeProblems = PageProblems.Watch(police);
        await DemoAppFixture.SignInAsync(police, "partner");
        await police.GotoAsync("/my-agency/missing/new");
        await Assertions.Expect(police.Locator("h1")).ToHaveTextAsync("Report a child missing");
        await police.GetByLabel("Given names").FillAsync("Tia");
        await police.GetByLabel("Family name").FillAsync(family);
        await police.Locator("#Child-Born").FillAsync("14");
        await police.Locator("#Child-Born-month").FillAsync("2");
        await police.Locator("#Child-Born-year").FillAsync("2011");
        await police.GetByLabel("Sex").SelectOptionAsync("F");
        await police.GetByLabel("Missing", new() { Exact = true }).CheckAsync();
        await police.GetByLabel("Home", new() { Exact = true }).CheckAsync();
        await police.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await FillWhenAsync(police, "Input-Started", now.AddHours(-26), "Time they went missing");
        await police.GetByLabel("Police reference (optional)").FillAsync("MFH-" + family);
        await Axe.StepAsync(police, "missing-01-report");
        await police.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-error-summary")).ToContainTextAsync("Select the risk grading at report");
        await Axe.StepAsync(police, "missing-02-report-refused");

        await police.GetByLabel("Police risk grading at report").SelectOptionAsync("High");
        await police.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();
        await Assertions.Expect(police).ToHaveURLAsync(new Regex("/my-agency/missing/[0-9a-f-]{36}$"));
        await Assertions.Expect(police.Locator("h1")).ToHaveTextAsync(child);
        await Axe.StepAsync(police, "missing-03-reported");

        // The child is found: the officer records the return on the report.
        var returned = now.AddHours(-3);
        await FillWhenAsync(police, "Input-Ended", returned, "Time they returned");
        await police.GetByLabel("Where were they found or did they return to?").FillAsync("Found at Bury Interchange");
        await police.GetByRole(AriaRole.Button, new() { Name = "Record the return" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-notification-banner")).ToContainTextAsync("A return home interview is due within 72 hours");
        await Axe.StepAsync(police, "missing-04-returned");
        policeProblems.AssertNone();

        // The front door sees the interview to offer, on its queue page and on missing children.
        var door = await app.NewPageAsync();
        var doorProblems = PageProblems.Watch(door);
        await DemoAppFixture.SignInAsync(door, "front.door");
        await door.GotoAsync("/front-door");
        await Assertions.Expect(door.Locator("[data-testid=front-door-interviews]")).ToContainTextAsync(child);
        await Axe.StepAsync(door, "missing-05-front-door");
        await door.GotoAsync("/missing");
        var row = door.Locator("[data-testid=interviews-due] tr", new() { HasText = child });
        await Assertions.Expect(row).ToContainTextAsync("Due by");
        await Axe.StepAsync(door, "missing-06-overview");
        doorProblems.AssertNone();

        // A social worker records the interview, offered an hour after the return.
        var worker = await app.NewPageAsync();
        var workerProblems = PageProblems.Watch(worker);
        await DemoAppFixture.SignInAsync(worker, "social.worker");
        await worker.GotoAsync("/missing");
        await worker.Locator("[data-testid=interviews-due] tr", new() { HasText = child }).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(worker.Locator("[data-testid=clock]")).ToContainTextAsync("Due by");
        await Axe.StepAsync(worker, "missing-07-episode");
        await worker.GetByRole(AriaRole.Link, new() { Name = "Record the return home interview" }).ClickAsync();
        await FillWhenAsync(worker, "Input-Offered", returned.AddHours(1), "Time it was offered");
        await worker.GetByLabel("Who offered it").FillAsync("Rae Return");
        await worker.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await worker.GetByLabel("Accepted and held").CheckAsync();
        await FillWhenAsync(worker, "Input-Held", returned.AddHours(2), "Time of the interview");
        await worker.GetByLabel("Pull factors (optional)").FillAsync("Older friends with money and cannabis");
        await Axe.StepAsync(worker, "missing-08-interview");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the interview" }).ClickAsync();
        await Assertions.Expect(worker.Locator("[data-testid=clock]")).ToHaveTextAsync("Offered within 72 hours");
        await Assertions.Expect(worker.Locator("[data-testid=interview]")).ToContainTextAsync("Older friends with money");
        await Axe.StepAsync(worker, "missing-09-interview-recorded");

        // The child's missing episodes and chronology show it.
        await worker.GetByRole(AriaRole.Link, new() { Name = "Back to the child's missing episodes" }).ClickAsync();
        await Assertions.Expect(worker.Locator("[data-testid=episodes]")).ToContainTextAsync("Accepted and held");
        await Axe.StepAsync(worker, "missing-10-child");
        var childUrl = worker.Url.Replace("/missing", "/chronology", StringComparison.Ordinal);
        await worker.GotoAsync(childUrl);
        await Assertions.Expect(worker.Locator("main")).ToContainTextAsync("Return home interview: accepted and held");
        await Axe.StepAsync(worker, "missing-11-chronology");
        workerProblems.AssertNone();
    }
}
