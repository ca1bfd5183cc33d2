using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;

namespace Safeguard.EndToEnd.Tests;

/// <summary>A rapid review from the notification to the three partners' signatures and the Panel, in browsers, on accessible pages.</summary>
public class CaseReviewJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_business_unit_runs_a_rapid_review_the_three_partners_sign_and_it_goes_to_the_Panel()
    {
        var today = UkTime.Today(app.Services.GetRequiredService<TimeProvider>());
        var bu = await app.NewPageAsync();
        var problems = PageProblems.Watch(bu);
        await DemoAppFixture.SignInAsync(bu, "business.unit");

        async Task StepAsync(IPage page, string step)
        {
            await Screenshots.SaveAsync(page, step);
            await Axe.AssertNoViolationsAsync(page);
        }

        await bu.GotoAsync("/case-reviews");
        await Assertions.Expect(bu.Locator("h1")).ToHaveTextAsync("Case reviews tracker");
        await StepAsync(bu, "01-tracker");

        await bu.GetByRole(AriaRole.Link, new() { Name = "Record a serious incident notification" }).ClickAsync();
        await Assertions.Expect(bu.Locator("h1")).ToHaveTextAsync("Record a serious incident notification");
        await StepAsync(bu, "02-new-notification");
        // A date that is not real is refused beside its field, keeping what was typed; the summary leads to the day box.
        await DateInputs.FillAsync(bu, "Date the council became aware", "31", "2", "2026");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Record the notification" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-error-summary")).ToContainTextAsync("The date the council became aware must be a real date, with a four-digit year");
        await Assertions.Expect(DateInputs.Group(bu, "Date the council became aware").Locator(".govuk-error-message")).ToContainTextAsync("must be a real date");
        await Assertions.Expect(DateInputs.Group(bu, "Date the council became aware").GetByLabel("Day")).ToHaveValueAsync("31");
        await StepAsync(bu, "02b-new-notification-date-not-real");
        await bu.Locator(".govuk-error-summary a").First.ClickAsync();
        await Assertions.Expect(DateInputs.Group(bu, "Date the council became aware").GetByLabel("Day")).ToBeFocusedAsync();
        await DateInputs.FillAsync(bu, "Date the council became aware", today);
        await bu.GetByLabel("How the child is known on the review").FillAsync("Child J");
        await bu.GetByLabel("Summary of the incident").FillAsync("Infant admitted with a serious head injury.");
        await bu.GetByLabel("Abuse or neglect is known or suspected").CheckAsync();
        await bu.GetByLabel("What happened to the child").SelectOptionAsync(new SelectOptionValue { Label = "The child was seriously harmed" });
        await bu.GetByLabel("Decision", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Notifiable" });
        await bu.GetByLabel("Who agreed the decision").FillAsync("Head of Safeguarding with the three partners");
        await DateInputs.FillAsync(bu, "Date of the decision", today);
        await DateInputs.FillAsync(bu, "Date the National Panel was notified", today);
        await bu.GetByRole(AriaRole.Button, new() { Name = "Record the notification" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("is recorded");
        var casePage = bu.Url;
        await StepAsync(bu, "03-case-with-day-plan");

        await bu.GetByLabel("Demo area Police").CheckAsync();
        await DateInputs.FillAsync(bu, "Date sent", today);
        await bu.GetByRole(AriaRole.Button, new() { Name = "Send requests" }).ClickAsync();
        await Assertions.Expect(bu.GetByTestId("requests")).ToContainTextAsync("Demo area Police");
        await DateInputs.FillAsync(bu, "Date received", today);
        await bu.GetByLabel("Response", new() { Exact = true }).FillAsync("Police chronology of call-outs to the address.");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Record the response from Demo area Police" }).ClickAsync();
        await Assertions.Expect(bu.GetByTestId("requests")).ToContainTextAsync("Received");
        await StepAsync(bu, "04-requests-answered");

        await DateInputs.FillAsync(bu, "Meeting date", today);
        await bu.GetByLabel("Attendee 1", new() { Exact = true }).FillAsync("Pat Police");
        await bu.GetByLabel("Agency of attendee 1").SelectOptionAsync(new SelectOptionValue { Label = "Demo area Police" });
        await bu.GetByLabel("Discussion").FillAsync("Agencies shared what they knew of the household.");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Record the meeting" }).ClickAsync();
        await Assertions.Expect(bu.Locator("main")).ToContainTextAsync("with Pat Police (Demo area Police)");
        // Once recorded, the meeting's form is folded away.
        await Assertions.Expect(bu.GetByRole(AriaRole.Button, new() { Name = "Record the meeting" })).ToBeHiddenAsync();

        await bu.GetByLabel("Recommendation", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Local learning review" });
        await bu.GetByLabel("Rationale").FillAsync("Learning about information sharing can be drawn out locally.");
        await DateInputs.FillAsync(bu, "Date of the recommendation", today);
        await bu.GetByRole(AriaRole.Button, new() { Name = "Record the recommendation" }).ClickAsync();
        await Assertions.Expect(bu.GetByTestId("missing")).ToContainTextAsync("has not signed");
        await StepAsync(bu, "05-recommendation-awaiting-signatures");

        foreach (var (partner, name) in new[] { ("partner.la", "local authority"), ("partner.health", "health"), ("partner.police", "police") })
        {
            var page = await app.NewPageAsync();
            var partnerProblems = PageProblems.Watch(page);
            await DemoAppFixture.SignInAsync(page, partner);
            await page.GotoAsync(casePage);
            await StepAsync(page, $"06-{partner}-before-signing");
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign the recommendation for my agency's partner" }).ClickAsync();
            await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"You signed the recommendation for the {name} partner");
            await Assertions.Expect(page.GetByTestId("signatures")).ToContainTextAsync($"{name}: signed by");
            // No button to sign twice; the partner is told their signature is in.
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign the recommendation for my agency's partner" })).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Your agency's partner has signed this recommendation.");
            await StepAsync(page, $"07-{partner}-signed");
            partnerProblems.AssertNone();
        }

        await bu.GotoAsync(casePage);
        await Assertions.Expect(bu.GetByTestId("missing")).ToHaveCountAsync(0);
        await DateInputs.FillAsync(bu, "Date sent to the Panel", today);
        await bu.GetByRole(AriaRole.Button, new() { Name = "Mark as sent to the Panel" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("sent to the Panel and the case review group, and complete");
        await Assertions.Expect(bu.Locator("main")).ToContainTextAsync("Complete");
        await StepAsync(bu, "08-sent-to-the-Panel");
        problems.AssertNone();
    }

    [Fact]
    public async Task The_practice_review_and_learning_themes_pages_are_accessible_with_their_errors_shown()
    {
        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "business.unit");
        await page.GotoAsync("/case-reviews");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Child E" }).First.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Record progress" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Local child safeguarding practice review");
        await Assertions.Expect(page.GetByTestId("practice-target")).ToContainTextAsync("Overdue");
        await Screenshots.SaveAsync(page, "1-practice-review");
        await Axe.AssertNoViolationsAsync(page);

        await page.GetByLabel("Reviewer commissioned").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the practice review" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reviewer commissioned");
        await Screenshots.SaveAsync(page, "2-practice-review-errors");
        await Axe.AssertNoViolationsAsync(page);

        // The learning page has a date input in each action's progress form and each recommendation's "new action" form.
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to case" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Findings, recommendations and actions" }).ClickAsync();
        var due = DateInputs.Group(page, "Due").First;
        await page.GetByLabel("New action").First.FillAsync("Audit the use of the protocol");
        await DateInputs.FillAsync(due, "31", "2", "2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add action" }).First.ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("The due date must be a real date, with a four-digit year");
        await Assertions.Expect(DateInputs.Group(page, "Due").First.GetByLabel("Day")).ToHaveValueAsync("31");
        await Screenshots.SaveAsync(page, "2b-learning-date-not-real");
        await Axe.AssertNoViolationsAsync(page);

        await page.GotoAsync("/case-reviews/learning-themes");
        await page.GetByLabel("Name of the theme").FillAsync("neglect");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the theme" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("There is already a learning theme called 'Neglect'");
        await Screenshots.SaveAsync(page, "3-learning-themes-errors");
        await Axe.AssertNoViolationsAsync(page);
        problems.AssertNone();
    }
}
