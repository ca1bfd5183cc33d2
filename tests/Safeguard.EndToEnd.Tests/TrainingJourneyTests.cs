using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// The multi-agency training programme, in browsers, on accessible pages: the business unit adds a course linked to a
/// learning theme and a session today; the police data lead books a member of staff; the business unit takes the
/// register and records the delegate's evaluation; the police record the follow-up; the figures count it.
/// </summary>
public class TrainingJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_business_unit_runs_a_session_the_police_book_and_follow_up_and_the_figures_count_it()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var title = "Neglect refresher " + Guid.NewGuid().ToString("N")[..6];
        var delegateName = "PC Journey " + Guid.NewGuid().ToString("N")[..4];

        var bu = await app.NewPageAsync();
        var buProblems = PageProblems.Watch(bu);
        await DemoAppFixture.SignInAsync(bu, "business.unit");
        await bu.GotoAsync("/training");
        await Assertions.Expect(bu.Locator("[data-testid=courses]")).ToContainTextAsync("Safer recruitment");
        await Axe.StepAsync(bu, "training-01-programme");

        await bu.GetByRole(AriaRole.Link, new() { Name = "Add a course" }).ClickAsync();
        await bu.GetByRole(AriaRole.Button, new() { Name = "Add the course" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the course's title");
        await Axe.StepAsync(bu, "training-02-refused");
        await bu.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await bu.GetByLabel("Learning outcomes").FillAsync("Recognise neglect early and use the GCP2");
        await bu.GetByLabel("Who it is for").FillAsync("Practitioners in every agency");
        await bu.GetByLabel("Learning theme from case reviews (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Neglect" });
        await bu.GetByRole(AriaRole.Button, new() { Name = "Add the course" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The course is added");

        await DateInputs.FillByIdAsync(bu, "Session-HeldOn", today);
        await bu.GetByLabel("Online", new() { Exact = true }).CheckAsync();
        await bu.GetByLabel("Trainer").FillAsync("Sam Social");
        await bu.GetByLabel("Places offered").FillAsync("12");
        await Axe.StepAsync(bu, "training-03-course");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Add the session" }).ClickAsync();
        await Assertions.Expect(bu).ToHaveURLAsync(new Regex("/training/sessions/[0-9a-f-]{36}$"));
        var sessionUrl = new Uri(bu.Url).AbsolutePath;
        var sessionId = sessionUrl.Split('/')[^1];
        await Assertions.Expect(bu.Locator("[data-testid=places]")).ToContainTextAsync("0 booked of 12");

        // The police data lead books a member of staff, and sees only the police's delegates.
        var police = await app.NewPageAsync();
        var policeProblems = PageProblems.Watch(police);
        await DemoAppFixture.SignInAsync(police, "data.police");
        await police.GotoAsync("/my-agency/training");
        await Axe.StepAsync(police, "training-04-agency");
        await police.GetByLabel("Session", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Value = sessionId });
        await police.GetByLabel("Delegate's name").FillAsync(delegateName);
        await police.GetByLabel("Delegate's role").SelectOptionAsync(new SelectOptionValue { Label = "Police officer or staff" });
        await police.GetByRole(AriaRole.Button, new() { Name = "Book the place" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-notification-banner")).ToContainTextAsync($"{delegateName} is booked.");
        await Assertions.Expect(police.Locator("[data-testid=agency-delegates]")).ToContainTextAsync(title);
        await Axe.StepAsync(police, "training-05-booked");

        // The register and the evaluation.
        await bu.GotoAsync(sessionUrl);
        await Assertions.Expect(bu.Locator("[data-testid=delegates]")).ToContainTextAsync(delegateName);
        await bu.Locator("#Register-0-Attendance").CheckAsync();
        await bu.GetByRole(AriaRole.Button, new() { Name = "Save the register" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The register is taken.");
        await Assertions.Expect(bu.Locator("[data-testid=places]")).ToContainTextAsync("1 attended");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Record the evaluation" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-error-summary")).ToContainTextAsync("Select the delegate's confidence before the session, from 1 to 5");
        await Axe.StepAsync(bu, "training-06-evaluation-refused");
        await bu.Locator("#Evaluation-ConfidenceBefore-2").CheckAsync();
        await bu.Locator("#Evaluation-ConfidenceAfter-4").CheckAsync();
        await bu.GetByLabel("Feedback (optional)").FillAsync("Clear and practical");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Record the evaluation" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The evaluation is recorded.");
        await Assertions.Expect(bu.Locator("[data-testid=delegates]")).ToContainTextAsync("2, 4");
        await Axe.StepAsync(bu, "training-07-session");

        // The police record the three-month follow-up.
        await police.GotoAsync("/my-agency/training");
        await police.GetByRole(AriaRole.Link, new() { Name = delegateName }).ClickAsync();
        await police.GetByRole(AriaRole.Button, new() { Name = "Save the follow-up" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether the delegate's practice has changed");
        await Axe.StepAsync(police, "training-08-follow-up-refused");
        await police.GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await police.GetByLabel("An example of the change").FillAsync("Used the GCP2 with a family before referring");
        await police.GetByRole(AriaRole.Button, new() { Name = "Save the follow-up" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-notification-banner")).ToContainTextAsync($"The follow-up for {delegateName} is recorded.");
        policeProblems.AssertNone();

        await bu.GotoAsync("/training/figures");
        await Assertions.Expect(bu.Locator("[data-testid=by-course]")).ToContainTextAsync(title);
        await Assertions.Expect(bu.Locator("[data-testid=by-theme]")).ToContainTextAsync("Neglect");
        await Axe.StepAsync(bu, "training-09-figures");
        buProblems.AssertNone();
    }
}
