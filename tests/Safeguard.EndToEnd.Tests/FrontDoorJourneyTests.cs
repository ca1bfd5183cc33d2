using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Safeguard.Calendar;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A contact about two siblings from the front door to the child's chronology, in browsers, on accessible pages:
/// the front door records and decides it, a team manager opens the referral and assesses, and sees a late
/// assessment on the team's due work. The demo data holds many children and contacts, so the test finds its
/// own children by a unique family name and never assumes a list is short.
/// </summary>
public class FrontDoorJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    /// <summary>A family name no other child has: letters only, as a name would be.</summary>
    private static string UniqueFamily() =>
        "Quill" + new string([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16)))]);

    [Fact]
    public async Task A_contact_about_two_siblings_becomes_a_referral_an_assessment_and_the_childs_chronology()
    {
        var family = UniqueFamily();
        var (first, second) = ($"Ivy {family}", $"Ned {family}");
        var today = UkTime.Today(TimeProvider.System);

        // The front door records the contact, adding both children (neither is known) through the duplicate check.
        var door = await app.NewPageAsync();
        var doorProblems = PageProblems.Watch(door);
        await DemoAppFixture.SignInAsync(door, "front.door");
        await door.GotoAsync("/front-door/contacts/new");
        await Assertions.Expect(door.Locator("h1")).ToHaveTextAsync("Record a contact");
        await door.GetByLabel("Agency the contact came from").SelectOptionAsync(new SelectOptionValue { Label = "Demo area Police" });
        await door.GetByLabel("Name of the person who made the contact").FillAsync("PC Dawson");
        await door.GetByLabel("Referral source").SelectOptionAsync("6");
        await door.GetByLabel("Concerns", new() { Exact = true }).FillAsync("Police called to a domestic incident; both children were in the house.");
        await door.GetByLabel("Given", new() { Exact = true }).CheckAsync();
        await Axe.StepAsync(door, "front-door-01-new-contact");

        await door.GetByText("Add a child who is not known").ClickAsync();
        await door.GetByLabel("Given names").FillAsync("Ivy");
        await door.GetByLabel("Family name").FillAsync(family);
        await DateInputs.FillByIdAsync(door, "NewChild-Born", new DateOnly(2016, 4, 12));
        await door.GetByLabel("Female").CheckAsync();
        await door.GetByRole(AriaRole.Button, new() { Name = "Add this child to the contact" }).ClickAsync();
        await Assertions.Expect(door.Locator(".govuk-summary-list")).ToContainTextAsync(first);
        await Axe.StepAsync(door, "front-door-02-first-child-added");

        await door.GetByText("Add a child who is not known").ClickAsync();
        await door.GetByLabel("Given names").FillAsync("Ned");
        await door.GetByLabel("Family name").FillAsync(family);
        await DateInputs.FillByIdAsync(door, "NewChild-Born", new DateOnly(2019, 9, 3));
        await door.GetByLabel("Male", new() { Exact = true }).CheckAsync();
        await door.GetByRole(AriaRole.Button, new() { Name = "Record the contact" }).ClickAsync();
        await Assertions.Expect(door).ToHaveURLAsync(new Regex("/front-door/contacts/[0-9a-f-]{36}$"));
        var contactUrl = door.Url;
        await Assertions.Expect(door.Locator("main")).ToContainTextAsync(first);
        await Assertions.Expect(door.Locator("main")).ToContainTextAsync(second);
        await Axe.StepAsync(door, "front-door-03-contact");

        // Triage, decide, check the answers and change one of them before recording the decision.
        await door.GetByRole(AriaRole.Link, new() { Name = "Triage and decide" }).ClickAsync();
        await Assertions.Expect(door.Locator("h1")).ToHaveTextAsync("Triage and decide");
        await Assertions.Expect(door.Locator("#contact-concerns")).ToHaveTextAsync("Police called to a domestic incident; both children were in the house.");
        await Assertions.Expect(door.Locator("#Input-Decided-hint")).ToContainTextAsync("Leave blank if the decision is being made now");
        await door.GetByLabel("Amber", new() { Exact = true }).CheckAsync();
        await door.GetByLabel(new Regex("^4: ")).CheckAsync();
        await Axe.StepAsync(door, "front-door-04-triage");
        await door.GetByRole(AriaRole.Button, new() { Name = "Save the triage" }).ClickAsync();
        await Assertions.Expect(door.Locator(".govuk-notification-banner")).ToContainTextAsync("The triage is saved.");
        await door.GetByLabel("Referral to children's social care").CheckAsync();
        await door.GetByLabel("Reasons for the decision").FillAsync("Domestic abuse with children present");
        await door.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(door.Locator("h1")).ToHaveTextAsync("Check the decision");
        await Axe.StepAsync(door, "front-door-05-check");
        await door.GetByRole(AriaRole.Button, new() { Name = "Change the reasons for the decision" }).ClickAsync();
        await Assertions.Expect(door).ToHaveURLAsync(new Regex("#Input-Rationale$"));
        await Assertions.Expect(door.GetByLabel("Reasons for the decision")).ToHaveValueAsync("Domestic abuse with children present");
        await Assertions.Expect(door.GetByLabel("Referral to children's social care")).ToBeCheckedAsync();
        await Axe.StepAsync(door, "front-door-06-change");
        await door.GetByLabel("Reasons for the decision").FillAsync("Domestic abuse with both children present; police attended twice this month");
        await door.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(door.Locator(".govuk-summary-list")).ToContainTextAsync("police attended twice this month");
        await Assertions.Expect(door.Locator("main")).ToContainTextAsync($"children's social care opens the referral for each child ({first}, {second})");
        await door.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(door.Locator(".govuk-notification-banner")).ToContainTextAsync("The decision is recorded. Each child's referral is ready to open");
        await Assertions.Expect(door.Locator("main")).ToContainTextAsync("referral waiting for children's social care to open it");
        await Axe.StepAsync(door, "front-door-07-decided");
        doorProblems.AssertNone();

        // The team manager opens the referral for the first child, and starts and authorises the assessment.
        var manager = await app.NewPageAsync();
        var managerProblems = PageProblems.Watch(manager);
        await DemoAppFixture.SignInAsync(manager, "team.manager");
        await manager.GotoAsync(contactUrl);
        var secondId = Regex.Match(await manager.GetByRole(AriaRole.Link, new() { Name = $"Open the referral for {second}" }).GetAttributeAsync("href") ?? "", "/people/([0-9a-f-]{36})/").Groups[1].Value;
        await manager.GetByRole(AriaRole.Link, new() { Name = $"Open the referral for {first}" }).ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Record a referral");
        await manager.GetByLabel("Primary need").SelectOptionAsync("N4");
        await Assertions.Expect(manager.GetByLabel("No", new() { Exact = true })).ToBeCheckedAsync();
        await Axe.StepAsync(manager, "journey-01-referral-from-the-front-door");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the referral" }).ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Casework");
        var firstCasework = manager.Url;
        await Axe.StepAsync(manager, "journey-02-casework");

        await manager.GetByRole(AriaRole.Link, new() { Name = "Start an assessment" }).ClickAsync();
        await DateInputs.FillByIdAsync(manager, "Input-StartDate", today);
        await Axe.StepAsync(manager, "journey-03-start-assessment");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToBeVisibleAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Complete the assessment" }).ClickAsync();
        await DateInputs.FillByIdAsync(manager, "Input-ChildSeenDate", today);
        await DateInputs.FillByIdAsync(manager, "Input-AuthorisationDate", today);
        await manager.GetByLabel("Domestic abuse (child) (3A)").CheckAsync();
        await Axe.StepAsync(manager, "journey-04-complete-assessment");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Complete the assessment" }).ClickAsync();
        await Assertions.Expect(manager).ToHaveURLAsync(firstCasework);
        await Axe.StepAsync(manager, "journey-05-assessment-authorised");

        // A late assessment: the second child referred long ago (well past 45 working days, whatever the bank
        // holidays), assessed since, allocated to the manager's team.
        var referred = today.AddDays(-120);
        // The second child's referral waits on their casework page, and its form comes filled in from the contact.
        await manager.GotoAsync($"/people/{secondId}/casework");
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToContainTextAsync("The front door decided on");
        await Axe.StepAsync(manager, "journey-05b-referral-waiting");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Open the referral" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-inset-text")).ToContainTextAsync("From the front door");
        await Assertions.Expect(manager.GetByLabel("Source of the referral")).ToHaveValueAsync("6");
        await DateInputs.FillByIdAsync(manager, "Input-ReferralDate", referred);
        await manager.GetByLabel("Source of the referral").SelectOptionAsync("6");
        await manager.GetByLabel("Primary need").SelectOptionAsync("N4");
        await manager.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the referral" }).ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Casework");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Start an assessment" }).ClickAsync();
        await DateInputs.FillByIdAsync(manager, "Input-StartDate", referred.AddDays(2));
        await manager.GetByRole(AriaRole.Button, new() { Name = "Start the assessment" }).ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Casework");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Allocate the child" }).ClickAsync();
        await Assertions.Expect(manager.GetByLabel("Team", new() { Exact = true }).Locator("option", new() { HasText = "Police" })).ToHaveCountAsync(0);
        await manager.GetByLabel("Team", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Assessment Team (Demo area Council Children's Social Care)" });
        // The worker list follows the team chosen: its caseworkers only, never the front door's practitioner.
        await Assertions.Expect(manager.GetByLabel("Worker (optional)").Locator("option", new() { HasText = "Sam Social" })).ToHaveCountAsync(1);
        await Assertions.Expect(manager.GetByLabel("Worker (optional)").Locator("option", new() { HasText = "Farah Frontdoor" })).ToHaveCountAsync(0);
        await Assertions.Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Show the team's workers" })).ToBeHiddenAsync();
        await Axe.StepAsync(manager, "journey-06-allocate");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Allocate" }).ClickAsync();
        await Assertions.Expect(manager.Locator(".govuk-notification-banner")).ToContainTextAsync($"{second} is allocated.");

        // The team's due work, filtered to the child among however many others.
        await manager.GotoAsync("/casework/team");
        await manager.GetByLabel("Child's name (optional)").FillAsync(family);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        var row = manager.GetByRole(AriaRole.Row).Filter(new() { HasText = second });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Assessment");
        await Assertions.Expect(row).ToContainTextAsync("Overdue by");
        await Assertions.Expect(manager.GetByRole(AriaRole.Row).Filter(new() { HasText = first })).ToHaveCountAsync(0);
        await Axe.StepAsync(manager, "journey-07-team-due-work");

        // The first child's chronology tells the story.
        await manager.GotoAsync(firstCasework);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Chronology" }).ClickAsync();
        await Assertions.Expect(manager.Locator("h1")).ToHaveTextAsync("Chronology");
        var titles = manager.Locator(".app-timeline h2");
        await Assertions.Expect(titles.Filter(new() { HasText = "Contact from Demo area Police" })).ToHaveCountAsync(1);
        await Assertions.Expect(titles.Filter(new() { HasText = "Front door decision: Referral to children's social care" })).ToHaveCountAsync(1);
        await Assertions.Expect(titles.Filter(new() { HasTextRegex = new Regex("^Referral to children's social care$") })).ToHaveCountAsync(1);
        await Assertions.Expect(titles.Filter(new() { HasText = "Assessment started" })).ToHaveCountAsync(1);
        await Assertions.Expect(titles.Filter(new() { HasText = "Assessment completed and authorised" })).ToHaveCountAsync(1);
        await Assertions.Expect(manager.Locator(".app-timeline")).ToContainTextAsync("Source: Police (6); primary need: Family in acute stress (N4)");
        await Assertions.Expect(manager.Locator(".app-timeline")).ToContainTextAsync("Opened from the front door's contact received");
        var order = await titles.AllTextContentsAsync();
        var referralAt = order.ToList().FindIndex(t => t.Trim() == "Referral to children's social care");
        var decisionAt = order.ToList().FindIndex(t => t.Trim().StartsWith("Front door decision", StringComparison.Ordinal));
        Assert.True(referralAt < decisionAt, "On the same day the referral comes after the decision (newest first: above it).");
        await Axe.StepAsync(manager, "journey-08-chronology");

        // Search: the whole name first, with what tells the children apart.
        await manager.GotoAsync($"/people?Name={Uri.EscapeDataString(first)}");
        await Assertions.Expect(manager.Locator("table tbody tr").First).ToContainTextAsync(first);
        await Assertions.Expect(manager.Locator("table tbody tr").First).ToContainTextAsync("Female");
        await Assertions.Expect(manager.Locator("table tbody tr").First).ToContainTextAsync("Open episode");
        await Axe.StepAsync(manager, "journey-09-search");
        await manager.GotoAsync("/people?Name=_");
        await Assertions.Expect(manager.Locator(".govuk-error-summary")).ToContainTextAsync("The name must include at least one letter or digit");
        await Axe.StepAsync(manager, "journey-10-search-refused");
        managerProblems.AssertNone();
    }
}
