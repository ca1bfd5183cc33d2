using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A young person who came into care two months ago as an unaccompanied asylum seeker: the social worker records their
/// previous permanence (asked of every child who starts to be looked after) with a partly known order date, then their
/// asylum-seeking status, and later the leave to remain that ended it, in browsers, on accessible pages.
/// </summary>
public class AsylumAndPermanenceJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_social_worker_records_previous_permanence_and_the_asylum_seeking_status_and_when_it_ended()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var started = today.AddMonths(-2);
        Guid childId;
        using (var scope = app.Services.CreateScope())
        {
            // A demo young person of 15 or 16, never looked after, who became looked after two months ago.
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var inCare = db.Set<CareEpisode>().Select(e => e.PersonId);
            var (oldest, youngest) = (today.AddYears(-17).AddDays(1), today.AddYears(-15));
            childId = await db.People.AsNoTracking()
                .Where(p => p.Kind == PersonKind.Child && !p.IsRestricted && p.MergedIntoId == null && p.DateOfBirth >= oldest && p.DateOfBirth <= youngest && !inCare.Contains(p.Id))
                .OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync(TestContext.Current.CancellationToken);
            var iro = await db.Users.Where(u => u.UserName == "social.worker").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<LookedAfterService>().StartAsync(childId, new StartDetails
            {
                StartedOn = started,
                LegalStatus = "V2",
                CategoryOfNeed = "N1",
                PlacementType = "U4",
                PlacementProvider = "PR1",
                PlacementPostcode = "BL9 0EJ",
                IroUserId = iro,
            }, Auditing.Actor.System(), TestContext.Current.CancellationToken);
        }

        var worker = await app.NewPageAsync();
        var problems = PageProblems.Watch(worker);
        await DemoAppFixture.SignInAsync(worker, "social.worker");
        await worker.GotoAsync($"/people/{childId}/looked-after");
        await Assertions.Expect(worker.GetByTestId("permanence-missing")).ToContainTextAsync("Previous permanence is not recorded");
        await Assertions.Expect(worker.GetByTestId("uasc")).ToHaveTextAsync("No");
        await Axe.StepAsync(worker, "asylum-permanence-01-child");

        // Previous permanence: refused with nothing chosen, then a special guardianship order whose day is not known.
        await worker.GetByRole(AriaRole.Link, new() { Name = "Record previous permanence" }).ClickAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the previous permanence" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Select the child's previous permanence option");
        await Axe.StepAsync(worker, "asylum-permanence-02-permanence-refused");
        await worker.GetByLabel("P2: Special guardianship order (SGO)").CheckAsync();
        await worker.GetByLabel("Local authority that made the arrangements (optional)").SelectOptionAsync("351");
        var group = DateInputs.Group(worker, "Date of the order (optional)");
        await group.GetByLabel("Month", new() { Exact = true }).FillAsync("5");
        await group.GetByLabel("Year", new() { Exact = true }).FillAsync(started.AddYears(-3).Year.ToString(CultureInfo.InvariantCulture));
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the previous permanence" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-notification-banner")).ToContainTextAsync("previous permanence is recorded");
        await Assertions.Expect(worker.GetByTestId("previous-permanence")).ToContainTextAsync("Special guardianship order (SGO)");
        await Assertions.Expect(worker.GetByTestId("previous-permanence")).ToContainTextAsync($"Order dated May {started.AddYears(-3).Year}");
        await Assertions.Expect(worker.GetByTestId("permanence-missing")).ToHaveCountAsync(0);

        // The asylum-seeking status from the day they came into care, ending on the 18th birthday.
        await worker.GetByRole(AriaRole.Link, new() { Name = "Record asylum-seeking status" }).ClickAsync();
        await Axe.StepAsync(worker, "asylum-permanence-03-uasc");
        await DateInputs.FillByIdAsync(worker, "Input-BecameOn", started);
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the asylum-seeking status" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-notification-banner")).ToContainTextAsync("is recorded as an unaccompanied asylum-seeking child");
        await Assertions.Expect(worker.GetByTestId("uasc")).ToContainTextAsync("Ends on the 18th birthday");
        await Axe.StepAsync(worker, "asylum-permanence-04-recorded");

        // Leave to remain granted: the date without a reason is refused, then saved with it.
        await worker.GetByRole(AriaRole.Link, new() { Name = "Change asylum-seeking status" }).ClickAsync();
        await DateInputs.FillByIdAsync(worker, "Input-CeasedOn", today.AddDays(-3));
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the asylum-seeking status" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Select why the status ceased before the 18th birthday");
        await Axe.StepAsync(worker, "asylum-permanence-05-uasc-refused");
        await worker.GetByLabel("Granted leave to remain (refugee status, humanitarian protection or other leave)").CheckAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the asylum-seeking status" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-notification-banner")).ToContainTextAsync("asylum-seeking status is changed");
        await Assertions.Expect(worker.GetByTestId("uasc")).ToContainTextAsync("Granted leave to remain");
        await Axe.StepAsync(worker, "asylum-permanence-06-ceased");
        problems.AssertNone();
    }
}
