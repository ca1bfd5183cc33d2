using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;
using Safeguard.Common;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A section 11 self-assessment, in browsers, on accessible pages: the business unit starts next year's round, adds a
/// question to the standard and sends it to the police; the police data lead answers it (refused until every question is
/// rated with evidence and an action for red); the business unit challenges a rating and sees the figures by sector.
/// </summary>
public class SelfAssessmentJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_business_unit_sends_a_round_the_police_answer_it_and_a_challenge_changes_a_rating()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var next = new ReportingYear(ReportingYear.Of(today).StartYear + 1);
        var title = "Section 11 " + Guid.NewGuid().ToString("N")[..6];

        var bu = await app.NewPageAsync();
        var buProblems = PageProblems.Watch(bu);
        await DemoAppFixture.SignInAsync(bu, "business.unit");
        await bu.GotoAsync("/assurance/self-assessments");
        await Assertions.Expect(bu.Locator("[data-testid=rounds]")).ToContainTextAsync($"Section 175 self-assessment {ReportingYear.Of(today).Name}");
        await Axe.StepAsync(bu, "self-assessment-01-rounds");

        await bu.GetByRole(AriaRole.Button, new() { Name = "Start the round" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the round's title");
        await Axe.StepAsync(bu, "self-assessment-02-refused");
        await bu.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await bu.GetByLabel("Section 11 (agencies)").CheckAsync();
        await bu.GetByLabel("Reporting year").SelectOptionAsync(next.StartYear.ToString(CultureInfo.InvariantCulture));
        await bu.GetByRole(AriaRole.Button, new() { Name = "Start the round" }).ClickAsync();
        await Assertions.Expect(bu).ToHaveURLAsync(new Regex("/assurance/self-assessments/[0-9a-f-]{36}$"));
        var roundUrl = new Uri(bu.Url).AbsolutePath;
        await Assertions.Expect(bu.Locator("[data-testid=standard-8]")).ToContainTextAsync("8.1");

        // A ninth standard, then the round goes to the police.
        await bu.Locator(".govuk-details__summary").ClickAsync();
        await bu.GetByLabel("Standard number").FillAsync("9");
        await bu.GetByLabel("Standard title").FillAsync("Radicalisation and Prevent");
        await bu.GetByLabel("Question", new() { Exact = true }).FillAsync("Staff have had Prevent training in the last three years.");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Save the question" }).ClickAsync();
        await Assertions.Expect(bu.Locator("[data-testid=standard-9]")).ToContainTextAsync("9.1 Staff have had Prevent training");
        await Axe.StepAsync(bu, "self-assessment-03-standard");
        await bu.GetByLabel("Demo area Police", new() { Exact = true }).CheckAsync();
        await DateInputs.FillByIdAsync(bu, "Send-DueOn", today.AddDays(30));
        await bu.GetByRole(AriaRole.Button, new() { Name = "Send the round" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The round is sent");
        await Assertions.Expect(bu.Locator("[data-testid=returns]")).ToContainTextAsync("Owed");
        await Axe.StepAsync(bu, "self-assessment-04-sent");

        // The police data lead answers.
        var police = await app.NewPageAsync();
        var policeProblems = PageProblems.Watch(police);
        await DemoAppFixture.SignInAsync(police, "data.police");
        await police.GotoAsync("/my-agency/self-assessments");
        await Assertions.Expect(police.Locator("[data-testid=self-assessments]")).ToContainTextAsync(title);
        await Axe.StepAsync(police, "self-assessment-05-agency-list");
        await police.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await police.Locator("#Input-Q1_1-Rating-Amber").CheckAsync();
        await police.Locator("#Input-Q1_1-Evidence").FillAsync("Board minutes of June");
        await police.GetByRole(AriaRole.Button, new() { Name = "Submit the self-assessment" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-error-summary")).ToContainTextAsync("Enter what your agency will do about 1.1, rated amber");
        await Assertions.Expect(police.Locator(".govuk-error-summary")).ToContainTextAsync("Select your rating for 9.1");
        await Axe.StepAsync(police, "self-assessment-06-refused");
        var greens = police.Locator("input[type=radio][value=Green]");
        for (var i = 1; i < await greens.CountAsync(); i++)
        {
            await greens.Nth(i).CheckAsync();
        }

        var evidence = police.Locator("textarea[id$=-Evidence]");
        for (var i = 1; i < await evidence.CountAsync(); i++)
        {
            await evidence.Nth(i).FillAsync("Seen by the force's safeguarding lead");
        }

        await police.Locator("#Input-Q1_1-Action").FillAsync("Annual safeguarding report to the chief officer group");
        await police.GetByRole(AriaRole.Button, new() { Name = "Submit the self-assessment" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-notification-banner")).ToContainTextAsync("Your self-assessment is submitted.");
        await Axe.StepAsync(police, "self-assessment-07-submitted");
        policeProblems.AssertNone();

        // The business unit challenges 1.2: green becomes amber.
        await bu.GotoAsync(roundUrl);
        await Assertions.Expect(bu.Locator("[data-testid=returns]")).ToContainTextAsync("Returned");
        await Assertions.Expect(bu.Locator("[data-testid=sectors]")).ToContainTextAsync("100.0%");
        await bu.Locator("[data-testid=returns]").GetByRole(AriaRole.Link, new() { Name = "Demo area Police" }).ClickAsync();
        await bu.GetByLabel("Question challenged").SelectOptionAsync(new SelectOptionValue { Label = "1.2 (Green)" });
        await DateInputs.FillByIdAsync(bu, "Panel-HeldOn", today);
        await bu.GetByLabel("Rating changed").CheckAsync();
        await bu.Locator("#Panel-NewRating-2").CheckAsync();
        await bu.GetByLabel("Note", new() { Exact = true }).FillAsync("Training figures were a year old");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Record the outcome" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The challenge's outcome is recorded.");
        await Assertions.Expect(bu.Locator("[data-testid=challenges]")).ToContainTextAsync("Rating changed: Green to Amber");
        await Assertions.Expect(bu.Locator("[data-testid=answers]")).ToContainTextAsync("self-rated Green");
        await Axe.StepAsync(bu, "self-assessment-08-challenged");

        await bu.GotoAsync($"/assurance/self-assessments/figures?year={ReportingYear.Of(today).StartYear - 1}");
        await Assertions.Expect(bu.Locator("[data-testid=s175-sectors]")).ToContainTextAsync("Secondary schools");
        await Axe.StepAsync(bu, "self-assessment-09-figures");
        buProblems.AssertNone();
    }
}
