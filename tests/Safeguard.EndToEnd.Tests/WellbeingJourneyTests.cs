using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;
using Safeguard.Interchange.Cin;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A social worker opens a looked-after child's health and wellbeing for last year (SSDA903 OC2) from the child's
/// looked-after record, sees what the return would say, has an SDQ score out of range refused beside its field, and
/// records the corrected score and immunisations, on accessible pages.
/// </summary>
public class WellbeingJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task A_social_worker_records_a_childs_SDQ_score_and_immunisations_for_last_years_return()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var year = CinCollection.Containing(today).StartYear - 1;
        Guid childId;
        using (var scope = app.Services.CreateScope())
        {
            // A demo child in last year's 12-month cohort asked for the SDQ (the demo records every one of them).
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var open = db.People.Where(p => p.Kind == PersonKind.Child && !p.IsRestricted && p.MergedIntoId == null).Select(p => p.Id);
            childId = await db.Set<WellbeingRecord>().AsNoTracking()
                .Where(w => w.Year == year && w.SdqScore != null && open.Contains(w.PersonId))
                .OrderBy(w => w.PersonId).Select(w => w.PersonId).FirstAsync(TestContext.Current.CancellationToken);
        }

        var name = CinCollection.ForStartYear(year).Name;
        var worker = await app.NewPageAsync();
        var problems = PageProblems.Watch(worker);
        await DemoAppFixture.SignInAsync(worker, "social.worker");
        await worker.GotoAsync($"/people/{childId}/looked-after");
        await worker.GetByRole(AriaRole.Link, new() { Name = $"Health and wellbeing, {name}" }).ClickAsync();
        await Assertions.Expect(worker).ToHaveURLAsync(new Regex($"/people/{childId}/looked-after/wellbeing/{year}$"));
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync($"Health and wellbeing, {name}");
        await Assertions.Expect(worker.GetByTestId("oc2-missing")).ToHaveTextAsync("Nothing: the return's items are complete");
        await Axe.StepAsync(worker, "wellbeing-01-recorded");

        await worker.GetByLabel("SDQ total difficulties score").FillAsync("41");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("The SDQ score is a whole number from 0 to 40");
        await Axe.StepAsync(worker, "wellbeing-02-refused");

        await worker.GetByLabel("SDQ total difficulties score").FillAsync("17");
        await DateInputs.FillAsync(worker, "Date the questionnaire was completed", new DateOnly(year + 1, 3, 1));
        await worker.Locator("#Input-Immunisations").CheckAsync();
        await DateInputs.FillAsync(worker, "Date the immunisations were checked", new DateOnly(year + 1, 2, 14));
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-notification-banner")).ToContainTextAsync($"The health and wellbeing for {name} is recorded.");
        await Assertions.Expect(worker).ToHaveURLAsync(new Regex($"/people/{childId}/looked-after$"));

        await worker.GotoAsync($"/people/{childId}/looked-after/wellbeing/{year}");
        await Assertions.Expect(worker.GetByLabel("SDQ total difficulties score")).ToHaveValueAsync("17");
        await Assertions.Expect(worker.Locator("#Input-Immunisations")).ToBeCheckedAsync();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var record = await db.Set<WellbeingRecord>().AsNoTracking().SingleAsync(w => w.PersonId == childId && w.Year == year, TestContext.Current.CancellationToken);
            Assert.Equal((17, new DateOnly(year + 1, 3, 1), true, new DateOnly(year + 1, 2, 14)), (record.SdqScore!.Value, record.SdqDoneOn!.Value, record.ImmunisationsUpToDate!.Value, record.ImmunisationsAsAt!.Value));
        }

        problems.AssertNone();
    }
}
