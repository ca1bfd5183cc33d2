using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;
using Safeguard.Common;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// The partnership's annual report, in a browser, on accessible pages: the business unit writes a section's narrative,
/// records feedback from children and families and the year's funding, sends the report for review, records the three
/// safeguarding partners' sign-offs (one refused first), publishes it and downloads it as DOCX and PDF.
/// </summary>
public class AnnualReportJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_business_unit_drafts_the_report_the_three_partners_sign_it_off_and_it_is_published_and_downloaded()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var year = ReportingYear.Of(today);
        var narrative = "The partnership met every statutory duty this year. " + Guid.NewGuid().ToString("N")[..6];

        var page = await app.NewPageAsync();
        var problems = PageProblems.Watch(page);
        await DemoAppFixture.SignInAsync(page, "business.unit");
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu" }).GetByRole(AriaRole.Link, new() { Name = "Annual report", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=years]")).ToContainTextAsync($"Annual report {year.Name}");
        await Axe.StepAsync(page, "annual-report-01-years");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Annual report {year.Name}" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=edition]")).ToContainTextAsync("Draft");
        await Axe.StepAsync(page, "annual-report-02-year");

        // The narrative of the first section.
        await page.Locator("[data-section=partnership] a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("The partnership and its arrangements");
        await page.GetByLabel("Narrative").FillAsync(narrative);
        await Axe.StepAsync(page, "annual-report-03-narrative");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the narrative" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The narrative of \"The partnership and its arrangements\" is saved.");
        await Assertions.Expect(page.Locator("[data-section=partnership]")).ToContainTextAsync(narrative);
        await Assertions.Expect(page.Locator("[data-testid=history]")).ToContainTextAsync("The partnership and its arrangements");

        // Feedback from children and families: refused without its fields, then recorded.
        await page.GetByRole(AriaRole.Link, new() { Name = "Feedback from children and families", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the feedback" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter where the feedback came from");
        await Axe.StepAsync(page, "annual-report-04-feedback-refused");
        await DateInputs.FillByIdAsync(page, "Input-ReceivedOn", year.Start.AddDays(30) <= today ? year.Start.AddDays(30) : today);
        await page.GetByLabel("Where did it come from?").FillAsync("Children in care council");
        await page.GetByLabel("What did children or families say?").FillAsync("Too many different social workers in a year.");
        await page.GetByLabel("What changed because of it? (optional)").FillAsync("Caseloads were capped so workers stay longer.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the feedback" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The feedback is recorded.");
        await Assertions.Expect(page.Locator("[data-testid=feedback]")).ToContainTextAsync("Caseloads were capped");
        await Axe.StepAsync(page, "annual-report-05-feedback");

        // Funding: the police's contribution and an expenditure line.
        await page.GotoAsync($"/annual-report/{year.StartYear}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Partnership funding", Exact = true }).ClickAsync();
        await page.GetByLabel("A partner agency's contribution").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the line" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Choose the partner agency making the contribution");
        await Axe.StepAsync(page, "annual-report-06-funding-refused");
        var police = await page.Locator("#Input-AgencyId option").Filter(new() { HasText = "Police" }).First.TextContentAsync();
        await page.GetByLabel("Contributing agency (for a contribution)").SelectOptionAsync(new SelectOptionValue { Label = police! });
        await page.GetByLabel("Amount in pounds").FillAsync("45000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the line" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The contribution line is added.");
        await page.GetByLabel("Expenditure", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("What it is for").FillAsync("Independent scrutineer");
        await page.GetByLabel("Amount in pounds").FillAsync("30000.50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the line" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=funding-expenditure]")).ToContainTextAsync("£30,000.50");
        await Assertions.Expect(page.Locator("[data-testid=funding-contribution]")).ToContainTextAsync("£45,000.00");
        await Axe.StepAsync(page, "annual-report-07-funding");

        // Sent for review, signed off by the three partners, published.
        await page.GotoAsync($"/annual-report/{year.StartYear}");
        await Assertions.Expect(page.Locator("[data-section=voice]")).ToContainTextAsync("Has records");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The report is sent to the safeguarding partners for review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the sign-off" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select the safeguarding partner who signed off the report");
        await Axe.StepAsync(page, "annual-report-08-sign-off-refused");
        foreach (var (partner, signatory) in new[] { ("The council", "Ann Council, Chief Executive"), ("The police", "Jo Bloggs, Chief Constable"), ("The integrated care board (ICB)", "Hal Health, Chief Nurse") })
        {
            await page.GetByLabel(partner, new() { Exact = true }).CheckAsync();
            await page.GetByLabel("Name and role of the person who signed").FillAsync(signatory);
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the sign-off" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=sign-offs]")).ToContainTextAsync(signatory);
        }

        await Assertions.Expect(page.Locator("[data-testid=edition]")).ToContainTextAsync("signed off by 3 of 3");
        await Axe.StepAsync(page, "annual-report-09-signed-off");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the report" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("The report is published");
        await Assertions.Expect(page.Locator("[data-testid=edition]")).ToContainTextAsync("Published");
        await Axe.StepAsync(page, "annual-report-10-published");
        problems.AssertNone();

        // A download ends the page's navigation, which the browser reports as aborted: checked before it.
        var docx = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the report as a Word document (DOCX)" }).ClickAsync());
        Assert.Equal($"annual-report-{year.Name}.docx", docx.SuggestedFilename);
        var docxBytes = await File.ReadAllBytesAsync(await docx.PathAsync());
        Assert.True(docxBytes.Length > 1000);
        Assert.Equal("PK\u0003\u0004"u8.ToArray(), docxBytes[..4]);
        var pdf = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the report as a PDF" }).ClickAsync());
        Assert.Equal($"annual-report-{year.Name}.pdf", pdf.SuggestedFilename);
        var pdfBytes = await File.ReadAllBytesAsync(await pdf.PathAsync());
        Assert.True(pdfBytes.Length > 1000);
        Assert.Equal("%PDF-"u8.ToArray(), pdfBytes[..5]);
    }
}
