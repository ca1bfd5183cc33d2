using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Calendar;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A child becomes looked after, moves placement and has their first review, in browsers, on accessible pages: the
/// social worker names themselves IRO, so the review out of timescale lands on their due work before it is recorded.
/// </summary>
public class LookedAfterJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    /// <summary>A demo child over 5, not restricted, never looked after.</summary>
    private async Task<(Guid Id, string Name)> ChildAsync(DateOnly today)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
        var inCare = db.Set<CareEpisode>().Select(e => e.PersonId);
        var bornBefore = today.AddYears(-5);
        var child = await db.People.AsNoTracking()
            .Where(p => p.Kind == PersonKind.Child && !p.IsRestricted && p.MergedIntoId == null && p.DateOfBirth != null && p.DateOfBirth < bornBefore && !inCare.Contains(p.Id))
            .OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.DisplayName })
            .FirstAsync(TestContext.Current.CancellationToken);
        return (child.Id, child.DisplayName);
    }

    [Fact]
    public async Task A_child_becomes_looked_after_moves_placement_and_has_their_first_review_which_was_on_the_IROs_due_work()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var (childId, childName) = await ChildAsync(today);
        var worker = await app.NewPageAsync();
        var problems = PageProblems.Watch(worker);
        await DemoAppFixture.SignInAsync(worker, "social.worker");

        await worker.GotoAsync($"/people/{childId}");
        await worker.GetByRole(AriaRole.Link, new() { Name = "Looked after: episodes of care, placements, reviews and health" }).ClickAsync();
        await Assertions.Expect(worker).ToHaveURLAsync(new Regex($"/people/{childId}/looked-after$"));
        await Assertions.Expect(worker.GetByTestId("status")).ToContainTextAsync("has not been looked after");
        await Axe.StepAsync(worker, "looked-after-01-child");

        // Becoming looked after: refused field by field when empty, then saved.
        await worker.GetByRole(AriaRole.Link, new() { Name = "Record becoming looked after" }).ClickAsync();
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Select the legal status");
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Select the independent reviewing officer (IRO)");
        await Axe.StepAsync(worker, "looked-after-02-start-refused");
        await DateInputs.FillByIdAsync(worker, "Input-StartedOn", today.AddDays(-40));
        await worker.GetByLabel("Legal status").SelectOptionAsync("C2");
        await worker.GetByLabel("Category of need").SelectOptionAsync("N1");
        await worker.GetByLabel("Placement type").SelectOptionAsync("U6");
        await worker.GetByLabel("Placement provider").SelectOptionAsync("PR1");
        await worker.GetByLabel("Placement postcode").FillAsync("bl9 0ej");
        var iro = await worker.Locator("#Input-IroUserId option", new() { HasText = "Sam Social" }).GetAttributeAsync("value");
        await worker.GetByLabel("Independent reviewing officer (IRO)").SelectOptionAsync(iro!);
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-notification-banner")).ToContainTextAsync("is recorded as looked after");
        await Assertions.Expect(worker.GetByTestId("episodes")).ToContainTextAsync("C2: Full care order");
        await Assertions.Expect(worker.GetByTestId("episodes")).ToContainTextAsync("BL9 0EJ");
        await Assertions.Expect(worker.GetByTestId("due")).ToContainTextAsync("First looked-after review");
        await Axe.StepAsync(worker, "looked-after-03-looked-after");

        // The first review, 20 working days after becoming looked after, has passed: it is overdue on the IRO's work.
        await worker.GotoAsync($"/casework/my-work?Child={Uri.EscapeDataString(childName)}");
        await Assertions.Expect(worker.Locator("tr", new() { HasText = "First looked-after review (IRO Sam Social)" })).ToContainTextAsync(childName);
        await Axe.StepAsync(worker, "looked-after-04-my-work");

        // A placement move: the reason must agree with what changed.
        await worker.GotoAsync($"/people/{childId}/looked-after");
        await worker.GetByRole(AriaRole.Link, new() { Name = "Record a placement move or change of legal status" }).ClickAsync();
        await DateInputs.FillByIdAsync(worker, "Input-ChangedOn", today.AddDays(-10));
        await worker.GetByLabel("What changed (reason for new episode)").SelectOptionAsync("L");
        await worker.GetByLabel("Placement type").SelectOptionAsync("K2");
        await worker.GetByLabel("Placement provider").SelectOptionAsync("PR4");
        await worker.GetByLabel("Placement postcode").FillAsync("M1 1AE");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the new episode" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("L is a change of legal status");
        await Axe.StepAsync(worker, "looked-after-05-move-refused");
        await worker.GetByLabel("What changed (reason for new episode)").SelectOptionAsync("P");
        await worker.GetByLabel("Placement type").SelectOptionAsync("K2");
        await worker.GetByLabel("Placement provider").SelectOptionAsync("PR4");
        await worker.GetByLabel("Placement postcode").FillAsync("M1 1AE");
        await worker.GetByLabel("Why the placement changed").SelectOptionAsync("CREQB");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the new episode" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-notification-banner")).ToContainTextAsync("The new episode is recorded");
        await Assertions.Expect(worker.GetByTestId("episodes")).ToContainTextAsync("P: Change of placement and carer(s) only");
        await Assertions.Expect(worker.GetByTestId("episodes")).ToContainTextAsync("Placement change: CREQB");
        await Axe.StepAsync(worker, "looked-after-06-moved");

        // The review, chaired by the IRO already named.
        await worker.GetByRole(AriaRole.Link, new() { Name = "Record a review" }).ClickAsync();
        await DateInputs.FillByIdAsync(worker, "Input-HeldOn", today.AddDays(-5));
        await worker.GetByLabel("How the child took part").SelectOptionAsync("PN1");
        await worker.GetByLabel("Decisions (optional)").FillAsync("Stay in the children's home; contact with mother weekly.");
        await Axe.StepAsync(worker, "looked-after-07-review");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the review" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-notification-banner")).ToContainTextAsync("The review is recorded");
        await Assertions.Expect(worker.GetByTestId("reviews")).ToContainTextAsync("PN1: Child attended and spoke for themselves");
        await Assertions.Expect(worker.GetByTestId("reviews")).ToContainTextAsync("Sam Social");
        await Assertions.Expect(worker.GetByTestId("due")).ToContainTextAsync("Second looked-after review");
        await Axe.StepAsync(worker, "looked-after-08-reviewed");
        problems.AssertNone();
    }

    [Fact]
    public async Task A_care_leaver_gets_a_new_IRO_a_personal_adviser_and_a_pathway_plan_and_is_on_the_tracker()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        Guid childId;
        string childName;
        using (var scope = app.Services.CreateScope())
        {
            // A demo young person of 16 or 17, never looked after, becomes looked after 8 months ago (so eligible now).
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var inCare = db.Set<CareEpisode>().Select(e => e.PersonId);
            var (oldest, youngest) = (today.AddYears(-18).AddDays(1), today.AddYears(-16).AddMonths(-9));
            var child = await db.People.AsNoTracking()
                .Where(p => p.Kind == PersonKind.Child && !p.IsRestricted && p.MergedIntoId == null && p.DateOfBirth >= oldest && p.DateOfBirth <= youngest && !inCare.Contains(p.Id))
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.DisplayName }).FirstAsync(TestContext.Current.CancellationToken);
            (childId, childName) = (child.Id, child.DisplayName);
            var iro = await db.Users.Where(u => u.UserName == "social.worker").Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<LookedAfterService>().StartAsync(childId, new StartDetails
            {
                StartedOn = today.AddMonths(-8),
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

        // A new IRO for the episode.
        await worker.GotoAsync($"/people/{childId}/looked-after");
        await worker.GetByRole(AriaRole.Link, new() { Name = "Change the IRO" }).ClickAsync();
        await Assertions.Expect(worker.GetByTestId("current-iro")).ToContainTextAsync("Sam Social");
        await Axe.StepAsync(worker, "care-leaver-01-iro");
        var options = await worker.Locator("#Input-IroUserId option").AllAsync();
        var other = "";
        foreach (var option in options)
        {
            var text = await option.InnerTextAsync();
            if (text is not ("Select" or "Sam Social"))
            {
                other = text;
                await worker.GetByLabel("Independent reviewing officer (IRO)").SelectOptionAsync((await option.GetAttributeAsync("value"))!);
                break;
            }
        }

        await worker.GetByRole(AriaRole.Button, new() { Name = "Change the IRO" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-notification-banner")).ToContainTextAsync("independent reviewing officer is changed");
        await Assertions.Expect(worker.GetByTestId("status")).ToContainTextAsync(other);

        // A mistake in the episode corrected in place: the reason is required.
        await worker.Locator("[data-testid=episodes] a", new() { HasText = "Correct" }).First.ClickAsync();
        await worker.GetByLabel("Category of need").SelectOptionAsync("N2");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why the episode is corrected");
        await Axe.StepAsync(worker, "care-leaver-01b-correct-refused");
        await worker.GetByLabel("Category of need").SelectOptionAsync("N2");
        await worker.GetByLabel("Why the episode is corrected").FillAsync("The assessment recorded N2: typed N1 by mistake.");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the correction" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-notification-banner")).ToContainTextAsync("The episode is corrected");
        await Assertions.Expect(worker.GetByTestId("episodes")).ToContainTextAsync("Need: N2");

        // The care leaver record: eligible, the first pathway plan due.
        await worker.GetByTestId("care-leaver-link").ClickAsync();
        await Assertions.Expect(worker.GetByTestId("care-leaver-status")).ToContainTextAsync("Eligible");
        await Assertions.Expect(worker.GetByTestId("care-leaver-status")).ToContainTextAsync("Pathway plan");
        await Axe.StepAsync(worker, "care-leaver-02-record");

        await worker.GetByRole(AriaRole.Link, new() { Name = "Change the personal adviser and adult services" }).ClickAsync();
        var adviser = await worker.Locator("#Input-PersonalAdviserUserId option", new() { HasText = "Sam Social" }).GetAttributeAsync("value");
        await worker.GetByLabel("Personal adviser").SelectOptionAsync(adviser!);
        await worker.GetByLabel("Yes").CheckAsync();
        await worker.GetByLabel("Which services, the referral made, or why not (optional)").FillAsync("Referred to the transitions team.");
        await Axe.StepAsync(worker, "care-leaver-03-adviser");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(worker.GetByTestId("care-leaver-status")).ToContainTextAsync("Likely to need adult services");

        // A plan dated in the future is refused; then saved, the next review is due in 6 months.
        await worker.GetByRole(AriaRole.Link, new() { Name = "Record a pathway plan or review" }).ClickAsync();
        await worker.GetByLabel("A new pathway plan").CheckAsync();
        await DateInputs.FillByIdAsync(worker, "Input-AgreedOn", today.AddDays(3));
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("must be today or in the past");
        await Axe.StepAsync(worker, "care-leaver-04-plan-refused");
        await worker.GetByLabel("A new pathway plan").CheckAsync();
        await DateInputs.FillByIdAsync(worker, "Input-AgreedOn", today.AddDays(-1));
        await worker.GetByLabel("Summary (optional)").FillAsync("Stay in placement; college in September.");
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-notification-banner")).ToContainTextAsync("The pathway plan is recorded");
        await Assertions.Expect(worker.GetByTestId("care-leaver-status")).ToContainTextAsync("Pathway plan review");
        await Assertions.Expect(worker.GetByTestId("plans")).ToContainTextAsync("Stay in placement");

        // The tracker, filtered to the adviser's young people.
        await worker.GotoAsync("/care-leavers");
        await worker.GetByLabel("Personal adviser").SelectOptionAsync(adviser!);
        await worker.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(worker.GetByTestId("care-leavers")).ToContainTextAsync(childName);
        await Assertions.Expect(worker.Locator("tr", new() { HasText = childName })).ToContainTextAsync("Eligible");
        await Axe.StepAsync(worker, "care-leaver-05-tracker");
        problems.AssertNone();
    }

    [Fact]
    public async Task A_child_in_care_has_a_decision_to_place_for_adoption_then_a_placement_order_and_matching()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        Guid childId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var since = today.AddDays(-60);
            var decided = db.Set<AdoptionDecision>().Select(a => a.PersonId);
            childId = await db.Set<CareEpisode>().AsNoTracking()
                .Where(e => e.EndedOn == null && e.StartedOn < since && !decided.Contains(e.PersonId))
                .Join(db.People.Where(p => !p.IsRestricted && p.MergedIntoId == null), e => e.PersonId, p => p.Id, (e, p) => p.Id)
                .OrderBy(id => id)
                .FirstAsync(TestContext.Current.CancellationToken);
        }

        var worker = await app.NewPageAsync();
        var problems = PageProblems.Watch(worker);
        await DemoAppFixture.SignInAsync(worker, "social.worker");
        await worker.GotoAsync($"/people/{childId}/looked-after");
        await worker.GetByTestId("record-adoption").ClickAsync();
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Record an adoption decision");
        await Axe.StepAsync(worker, "adoption-01-form");

        // Matching without the decision's date, and before the placement order: refused, each naming its field.
        await DateInputs.FillByIdAsync(worker, "Input-PlacementOrderOn", today.AddDays(-20));
        await DateInputs.FillByIdAsync(worker, "Input-MatchedOn", today.AddDays(-25));
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the adoption decision" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date of the decision that the child should be placed for adoption");
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("The date of matching must be on or after the placement order");
        await Axe.StepAsync(worker, "adoption-02-refused");

        await DateInputs.FillByIdAsync(worker, "Input-DecidedOn", today.AddDays(-30));
        await DateInputs.FillByIdAsync(worker, "Input-MatchedOn", today.AddDays(-10));
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the adoption decision" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-notification-banner")).ToContainTextAsync("The adoption decision is recorded");
        await Assertions.Expect(worker.GetByTestId("adoption")).ToContainTextAsync("Placement order");
        await Assertions.Expect(worker.GetByTestId("adoption")).ToContainTextAsync("atched");
        await Assertions.Expect(worker.GetByTestId("record-adoption")).ToHaveCountAsync(0);
        await Axe.StepAsync(worker, "adoption-03-recorded");

        // The next step: the adoption order needs the placement for adoption first, and the adopters' details with it.
        await worker.GetByRole(AriaRole.Link, new() { Name = "Record the next step" }).ClickAsync();
        await Assertions.Expect(worker.Locator("h1")).ToHaveTextAsync("Change the adoption decision");
        await DateInputs.FillByIdAsync(worker, "Input-AdoptionOrderOn", today.AddDays(-1));
        await worker.GetByRole(AriaRole.Button, new() { Name = "Save the adoption decision" }).ClickAsync();
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the date the child was placed for adoption");
        await Assertions.Expect(worker.Locator(".govuk-error-summary")).ToContainTextAsync("Select the number of adopters");
        await Axe.StepAsync(worker, "adoption-04-order-refused");
        problems.AssertNone();
    }
}
