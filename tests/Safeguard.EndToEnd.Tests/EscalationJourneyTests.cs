using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Escalations;
using Safeguard.Persistence;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// A professional disagreement, in browsers, on accessible pages: the police raise one with children's services
/// (refused until complete), the social worker responds, the police escalate it to managers and record it resolved,
/// and the business unit finds it in the partnership's list and sees the year's figures.
/// </summary>
public class EscalationJourneyTests(DemoAppFixture app) : IClassFixture<DemoAppFixture>
{
    [Fact]
    public async Task The_police_raise_an_escalation_children_services_respond_it_is_escalated_and_resolved()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var family = "The " + Guid.NewGuid().ToString("N")[..6] + " family";

        var police = await app.NewPageAsync();
        var policeProblems = PageProblems.Watch(police);
        await DemoAppFixture.SignInAsync(police, "partner");
        await police.GotoAsync("/my-agency/escalations");
        await Axe.StepAsync(police, "escalation-01-agency-list");
        await police.GetByRole(AriaRole.Link, new() { Name = "Raise an escalation" }).ClickAsync();
        await police.GetByRole(AriaRole.Button, new() { Name = "Raise the escalation" }).ClickAsync();
        await Assertions.Expect(police.Locator(".govuk-error-summary")).ToContainTextAsync("Select the agency you disagree with");
        await Axe.StepAsync(police, "escalation-02-refused");

        await police.GetByLabel("Which agency do you disagree with?").SelectOptionAsync(new SelectOptionValue { Label = "Demo area Council Children's Social Care" });
        await police.GetByLabel("Who at that agency (optional)").SelectOptionAsync(new SelectOptionValue { Label = "Sam Social (Demo area Council Children's Social Care)" });
        await police.GetByLabel("Your role or job title").FillAsync("Detective constable");
        await police.GetByLabel("The child or family it is about").FillAsync(family);
        await police.GetByLabel("Threshold decision").CheckAsync();
        await police.GetByLabel("What do you disagree with, and what are you asking for?").FillAsync("Third domestic abuse call-out this month: we ask for a strategy discussion.");
        await DateInputs.FillByIdAsync(police, "Input-RaisedOn", today);
        await police.GetByRole(AriaRole.Button, new() { Name = "Raise the escalation" }).ClickAsync();
        await Assertions.Expect(police).ToHaveURLAsync(new Regex("/my-agency/escalations/[0-9a-f-]{36}$"));
        var url = new Uri(police.Url).AbsolutePath;
        await Assertions.Expect(police.Locator(".govuk-notification-banner")).ToContainTextAsync("Stage 1 is due to be resolved by");
        await Assertions.Expect(police.Locator("[data-testid=escalation-now]")).ToContainTextAsync("Stage 1: practitioner to practitioner");
        await Axe.StepAsync(police, "escalation-03-raised");

        // The social worker named sees it and responds.
        var worker = await app.NewPageAsync();
        var workerProblems = PageProblems.Watch(worker);
        await DemoAppFixture.SignInAsync(worker, "social.worker");
        await worker.GotoAsync("/my-agency/escalations");
        await worker.GetByRole(AriaRole.Link, new() { Name = family }).ClickAsync();
        await worker.GetByRole(AriaRole.Link, new() { Name = "Respond" }).ClickAsync();
        await Axe.StepAsync(worker, "escalation-04-respond");
        await worker.GetByLabel("Your agency's response").FillAsync("The threshold is not met: an early help assessment is offered.");
        await DateInputs.FillByIdAsync(worker, "Input-RespondedOn", today);
        await worker.GetByRole(AriaRole.Button, new() { Name = "Record the response" }).ClickAsync();
        await Assertions.Expect(worker.Locator("[data-testid=escalation-stages]")).ToContainTextAsync("an early help assessment is offered");
        workerProblems.AssertNone();

        // The police escalate it to managers, then record it resolved.
        await police.GotoAsync(url);
        await police.GetByRole(AriaRole.Link, new() { Name = "Escalate to stage 2" }).ClickAsync();
        await police.GetByLabel("Why is it escalated?").FillAsync("The response does not address the risk from the third incident.");
        await DateInputs.FillByIdAsync(police, "Input-StartedOn", today);
        await police.Locator("#Input-RaisingName").FillAsync("DS Morgan");
        await police.Locator("#Input-RaisingRole").FillAsync("Detective sergeant");
        await police.Locator("#Input-RespondingName").FillAsync("Tariq Manager");
        await Axe.StepAsync(police, "escalation-05-escalate");
        await police.GetByRole(AriaRole.Button, new() { Name = "Escalate" }).ClickAsync();
        await Assertions.Expect(police.Locator("[data-testid=escalation-now]")).ToContainTextAsync("Stage 2: manager to manager");
        await police.GetByRole(AriaRole.Link, new() { Name = "Record the outcome" }).ClickAsync();
        await police.GetByLabel("Resolved (agreed)").CheckAsync();
        await DateInputs.FillByIdAsync(police, "Input-ClosedOn", today);
        await police.GetByLabel("What was agreed, or why it was not resolved").FillAsync("The managers agreed a strategy discussion.");
        await police.GetByLabel("Learning for the partnership (optional)").FillAsync("Give the reasons for threshold decisions to the referrer on the day.");
        await Axe.StepAsync(police, "escalation-06-close");
        await police.GetByRole(AriaRole.Button, new() { Name = "Close the escalation" }).ClickAsync();
        await Assertions.Expect(police.Locator("[data-testid=escalation-outcome]")).ToContainTextAsync("Resolved (agreed)");
        await Axe.StepAsync(police, "escalation-07-closed");
        policeProblems.AssertNone();

        // The business unit finds it among the closed ones and sees the figures.
        var bu = await app.NewPageAsync();
        var buProblems = PageProblems.Watch(bu);
        await DemoAppFixture.SignInAsync(bu, "business.unit");
        await bu.GotoAsync("/assurance/escalations");
        await Axe.StepAsync(bu, "escalation-08-partnership-list");
        await bu.GetByLabel("Show").SelectOptionAsync("closed");
        await bu.GetByLabel("Stage now").SelectOptionAsync("2");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(bu.Locator("[data-testid=escalations]")).ToContainTextAsync(family);
        await bu.GotoAsync("/assurance/escalations/figures");
        await Assertions.Expect(bu.Locator("[data-testid=escalation-stage-figures]")).ToContainTextAsync("Stage 2: manager to manager");
        await Axe.StepAsync(bu, "escalation-09-figures");
        buProblems.AssertNone();
    }

    [Fact]
    public async Task At_stage_4_the_business_unit_records_the_partnerships_meeting_a_note_and_the_outcome()
    {
        var today = UkTime.ToUkDate(app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        var family = "The " + Guid.NewGuid().ToString("N")[..6] + " family";
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var escalations = scope.ServiceProvider.GetRequiredService<EscalationService>();
            var csc = await db.Agencies.Where(a => a.Code == "CSC").Select(a => a.Id).SingleAsync();
            var pat = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "partner");
            var police = new Actor(pat.Id, pat.DisplayName, pat.AgencyId);
            var id = (await escalations.RaiseAsync(new NewEscalation { RaisedWithAgencyId = csc, RaisedByRole = "Detective constable", Subject = family, Theme = EscalationTheme.CaseClosure, Concern = "The case was closed too soon.", RaisedOn = today }, police)).Id;
            for (var stage = 2; stage <= Escalation.LastStage; stage++)
            {
                var version = await db.Set<Escalation>().AsNoTracking().Where(e => e.Id == id).Select(e => e.Version).SingleAsync();
                await escalations.EscalateAsync(id, version, new EscalationStep { StartedOn = today, Reason = "Not resolved at the stage before", RaisingName = pat.DisplayName, RaisingRole = "Detective constable" }, police);
            }
        }

        var bu = await app.NewPageAsync();
        var problems = PageProblems.Watch(bu);
        await DemoAppFixture.SignInAsync(bu, "business.unit");
        await bu.GotoAsync("/assurance/escalations?Stage=4");
        await bu.GetByRole(AriaRole.Link, new() { Name = family }).ClickAsync();
        await Assertions.Expect(bu.Locator("[data-testid=escalation-now]")).ToContainTextAsync("Stage 4: the partnership");
        await Axe.StepAsync(bu, "escalation-10-stage-4");

        await bu.GetByRole(AriaRole.Link, new() { Name = "Record the partnership's meeting" }).ClickAsync();
        await bu.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();
        await Assertions.Expect(bu.Locator(".govuk-error-summary")).ToContainTextAsync("Enter who took part in the meeting");
        await Axe.StepAsync(bu, "escalation-11-meeting-refused");
        await DateInputs.FillByIdAsync(bu, "Input-MeetingOn", today);
        await bu.GetByLabel("Who took part").FillAsync("Independent scrutineer; heads of service of the police and children's services");
        await bu.GetByLabel("What the partnership decided").FillAsync("The case is reopened for a single assessment.");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Save the meeting" }).ClickAsync();
        await Assertions.Expect(bu.Locator("[data-testid=escalation-meeting]")).ToContainTextAsync("reopened for a single assessment");

        await bu.GetByRole(AriaRole.Link, new() { Name = "Add a note" }).ClickAsync();
        await Axe.StepAsync(bu, "escalation-12-note");
        await bu.GetByLabel("Stage 3: senior manager or head of service").CheckAsync();
        await bu.GetByLabel("Note", new() { Exact = true }).FillAsync("The heads of service spoke before the partnership met.");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Add the note" }).ClickAsync();
        await Assertions.Expect(bu.Locator("[data-testid=escalation-notes]")).ToContainTextAsync("spoke before the partnership met");

        await bu.GetByRole(AriaRole.Link, new() { Name = "Record the outcome" }).ClickAsync();
        await bu.GetByLabel("Resolved (agreed)").CheckAsync();
        await DateInputs.FillByIdAsync(bu, "Input-ClosedOn", today);
        await bu.GetByLabel("What was agreed, or why it was not resolved").FillAsync("Reopened; the police attend the strategy discussion.");
        await bu.GetByLabel("Learning for the partnership (optional)").FillAsync("Check the police history before closing a case.");
        await Axe.StepAsync(bu, "escalation-13-partnership-outcome");
        await bu.GetByRole(AriaRole.Button, new() { Name = "Close the escalation" }).ClickAsync();
        await Assertions.Expect(bu.Locator("[data-testid=escalation-outcome]")).ToContainTextAsync("Check the police history before closing a case.");
        await Axe.StepAsync(bu, "escalation-14-partnership-closed");
        problems.AssertNone();
    }
}
