using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;
using Safeguard.Common;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A multi-agency audit, in browsers, on accessible pages: the business unit plans the audit and draws its sample from
/// the area's children, asks the police; the police data lead finds the return on their due work, answers and grades
/// the case; the business unit moderates and sees the difference counted as over-optimism.
/// </summary>
public class AssuranceJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_business_unit_samples_cases_an_agency_answers_and_moderation_counts_over_optimism()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var title = "Early help " + Guid.NewGuid().ToString("N")[..6];

        var bu = await app.NewPageAsync();
        var buProblems = PageProblems.Watch(bu);
        await DemoAppFixture.SignInAsync(bu, "business.unit");
        await bu.GotoAsync("/assurance");
        await Assertions.Expect(bu.Locator("[data-testid=programme]")).ToContainTextAsync("Think family in assessments");
        await Assertions.Expect(bu.Locator("[data-testid=programme]")).ToContainTextAsync("Inconclusive");
        await Axe.StepAsync(bu, "assurance-01-programme");

        await bu.GetByRole(AriaRole.Link, new() { Name = "Plan an audit" }).ClickAsync();
        await bu.GetByLabel("Title").FillAsync(title);
        await bu.GetByLabel("Theme").FillAsync("Early help");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Put the audit on the programme" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the tool's questions, one a line");
        await Axe.StepAsync(bu, "assurance-02-new-refused");
        await bu.GetByLabel("Questions").FillAsync("Was early help offered when the need was first seen?\nWas the family's consent recorded?");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Put the audit on the programme" }).ClickAsync();
        await Assertions.Expect(bu).ToHaveURLAsync(new Regex("/assurance/audits/[0-9a-f-]{36}$"));
        var auditUrl = new Uri(bu.Url).AbsolutePath;
        await Assertions.Expect(bu.Locator("[data-testid=questions]")).ToContainTextAsync("Was the family's consent recorded?");

        // The sample: two children referred this year, at random.
        await bu.GetByLabel("Referred in the period").CheckAsync();
        await DateInputs.FillByIdAsync(bu, "Sample-From", ReportingYear.Of(today).Start);
        await DateInputs.FillByIdAsync(bu, "Sample-To", today);
        await bu.GetByLabel("How many children").FillAsync("2");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Draw the cases" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("2 cases are added to the sample.");
        await Assertions.Expect(bu.Locator("[data-testid=sample] tbody tr")).ToHaveCountAsync(2);
        await Axe.StepAsync(bu, "assurance-03-sampled");

        await bu.GetByLabel("Demo area Police", new() { Exact = true }).CheckAsync();
        await DateInputs.FillByIdAsync(bu, "Send-DueOn", today.AddDays(14));
        await bu.GetByRole(AriaRole.Button, new() { Name = "Ask the agencies" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The agencies are asked for their returns.");
        await Assertions.Expect(bu.Locator("[data-testid=rates]")).ToContainTextAsync("0.0%");
        await Axe.StepAsync(bu, "assurance-04-asked");

        // The police data lead sees the returns on their due work and answers case 1.
        var police = await app.NewPageAsync();
        var policeProblems = PageProblems.Watch(police);
        await DemoAppFixture.SignInAsync(police, "data.police");
        await police.GotoAsync("/my-agency/audits");
        await Assertions.Expect(police.Locator("[data-testid=audit-returns]")).ToContainTextAsync(title);
        await Axe.StepAsync(police, "assurance-05-agency-returns");
        await police.GetByRole(AriaRole.Link, new() { Name = $"Case 1 of {title}" }).ClickAsync();
        await Assertions.Expect(police.Locator("h1")).ToContainTextAsync("Case 1:");
        await police.Locator("#Input-Answer1").FillAsync("Yes, the PPU referred to early help within a week");
        await police.GetByRole(AriaRole.Button, new() { Name = "Submit the return" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-error-summary")).ToContainTextAsync("Answer question 2");
        await Axe.StepAsync(police, "assurance-06-return-refused");
        await police.Locator("#Input-Answer2").FillAsync("Consent is on the record");
        await police.GetByLabel("Good", new() { Exact = true }).CheckAsync();
        await police.GetByLabel("Evidence for your grade").FillAsync("Read the PPU record and the early help referral");
        await police.GetByRole(AriaRole.Button, new() { Name = "Submit the return" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-notification-banner")).ToContainTextAsync("Your return is submitted.");
        await Axe.StepAsync(police, "assurance-07-returned");
        policeProblems.AssertNone();

        // The business unit moderates case 1 a grade lower: over-optimism.
        await bu.GotoAsync(auditUrl);
        await Assertions.Expect(bu.Locator("[data-testid=rates]")).ToContainTextAsync("50.0%");
        await bu.GotoAsync(auditUrl + "/moderation");
        await bu.GetByLabel("Moderator's grade for case 1").SelectOptionAsync("Requires improvement");
        await bu.GetByLabel("Moderation note for case 1 (optional)").FillAsync("No evidence of the family's consent in the PPU record");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Record the moderation of case 1" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-notification-banner")).ToContainTextAsync("The moderator's grade is recorded.");
        await Assertions.Expect(bu.Locator("[data-testid=moderation-summary]")).ToContainTextAsync("1 over-optimistic (100.0%)");
        await Assertions.Expect(bu.Locator("[data-testid=case-1]")).ToContainTextAsync("Over-optimistic");
        await Axe.StepAsync(bu, "assurance-08-moderated");

        await bu.GotoAsync("/assurance/figures");
        await Assertions.Expect(bu.Locator("[data-testid=figures]")).ToContainTextAsync("Over-optimistic grades");
        await Axe.StepAsync(bu, "assurance-09-figures");
        buProblems.AssertNone();
    }
}
