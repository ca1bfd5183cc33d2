using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.ImprovementPlan;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.ImprovementPlan;

public class ImprovementPlanPagesTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_business_unit_sees_the_demo_plan_and_downloads_its_report_and_a_lead_rates_only_their_workstream(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        Guid planId, mine, theirs, outcome;
        int mineVersion;
        string period;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var plan = await db.Set<Plan>().AsNoTracking().SingleAsync(Token);
            planId = plan.Id;
            period = PlanPeriod.Of(plan.Frequency, Calendar.UkTime.Today(db.Time)).Key;
            var leadId = await db.Users.Where(u => u.UserName == "data.council").Select(u => u.Id).SingleAsync(Token);
            var own = await db.Set<Workstream>().AsNoTracking().FirstAsync(w => w.LeadUserId == leadId && w.Title == "Rolling recruitment", Token);
            (mine, mineVersion, outcome) = (own.Id, own.Version, own.OutcomeId);
            theirs = await db.Set<Workstream>().Where(w => w.LeadUserId != leadId).Select(w => w.Id).FirstAsync(Token);
        }

        var bu = await factory.SignInAsync("business.unit");
        Assert.Contains("/assurance/improvement-plan/" + planId, await bu.GetStringAsync("/assurance/improvement-plan", Token), StringComparison.Ordinal);
        var overview = Html.Parse(await bu.GetStringAsync($"/assurance/improvement-plan/{planId}", Token)).QuerySelector("[data-testid=overview]")!;
        Assert.Equal(7, overview.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("7. Develop a strategic and co-ordinated approach to providing support for care leavers", overview.TextContent, StringComparison.Ordinal);

        var docx = await bu.GetAsync($"/assurance/improvement-plan/{planId}?handler=Report&period={period}&format=docx", Token);
        Assert.Equal(Safeguard.ImprovementPlan.ProgressReportDocument.ContentType, docx.Content.Headers.ContentType?.MediaType);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync(Token)), false))
        {
            Assert.Contains("Ratings definitions used in this report", word.MainDocumentPart!.Document.Body!.InnerText, StringComparison.Ordinal);
        }

        var pdf = await bu.GetAsync($"/assurance/improvement-plan/{planId}?handler=Report&period={period}&format=pdf", Token);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync(Token))[..4]), StringComparison.Ordinal);

        var scrutiny = await factory.SignInAsync("scrutiny");
        var json = await scrutiny.GetStringAsync($"/assurance/improvement-plan/{planId}/figures?handler=Json", Token);
        Assert.Contains($"\"period\":\"{period}\"", json, StringComparison.Ordinal);
        Assert.Contains("\"metOnTime\":", json, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await scrutiny.GetAsync($"/assurance/improvement-plan/{planId}", Token)).StatusCode);

        var lead = await factory.SignInAsync("data.council");
        const string Page = "/my-agency/improvement-plan";
        Assert.Contains("Workstream you lead: Rolling recruitment", await lead.GetStringAsync(Page, Token), StringComparison.Ordinal);
        var refused = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(lead, Page + "?handler=Rate&kind=workstream", new() { ["Rate.ItemId"] = mine.ToString(), ["Rate.Version"] = mineVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Rate.Period"] = period, ["Rate.Rating"] = "MajorIssues" }, Page)).Content.ReadAsStringAsync(Token));
        Assert.Contains(Html.ErrorSummary(refused), e => e.Message.StartsWith("Say what the issues are", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(lead, Page + "?handler=Rate&kind=workstream", new() { ["Rate.ItemId"] = mine.ToString(), ["Rate.Version"] = mineVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Rate.Period"] = period, ["Rate.Rating"] = "MajorIssues", ["Rate.Commentary"] = "Agency staff at 46%" }, Page)).StatusCode);
        var stale = await (await SafeguardWebFactory.PostFormAsync(lead, Page + "?handler=Rate&kind=workstream", new() { ["Rate.ItemId"] = mine.ToString(), ["Rate.Version"] = mineVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Rate.Period"] = period, ["Rate.Rating"] = "OnTrack" }, Page)).Content.ReadAsStringAsync(Token);
        Assert.Contains("changed by someone else", stale, StringComparison.Ordinal);
        var notMine = await (await SafeguardWebFactory.PostFormAsync(lead, Page + "?handler=Rate&kind=workstream", new() { ["Rate.ItemId"] = theirs.ToString(), ["Rate.Version"] = "0", ["Rate.Period"] = period, ["Rate.Rating"] = "OnTrack" }, Page)).Content.ReadAsStringAsync(Token);
        Assert.Contains("There is no such item in the plan", notMine, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync($"/assurance/improvement-plan/{planId}", Token)).StatusCode);

        var workstreamPage = Html.Parse(await bu.GetStringAsync($"/assurance/improvement-plan/workstreams/{mine}?period={period}", Token));
        var latest = workstreamPage.QuerySelector("[data-testid=history] tbody tr")!.TextContent;
        Assert.Contains("Red", latest, StringComparison.Ordinal);
        Assert.Contains("Agency staff at 46%", latest, StringComparison.Ordinal);
        Assert.Contains("Dee Data", latest, StringComparison.Ordinal);
        Assert.Contains("Rolling recruitment", await bu.GetStringAsync($"/assurance/improvement-plan/outcomes/{outcome}", Token), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_business_unit_changes_an_outcome_a_workstream_and_an_action_from_change_links_and_a_stale_form_is_refused(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        Guid planId, workstreamId, actionId, outcomeId, healthLead;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var workstream = await db.Set<Workstream>().AsNoTracking().SingleAsync(w => w.Title == "Rolling recruitment", Token);
            (planId, workstreamId, outcomeId) = (workstream.PlanId, workstream.Id, workstream.OutcomeId);
            actionId = await db.Set<PlanAction>().Where(a => a.WorkstreamId == workstreamId).OrderBy(a => a.DueOn).Select(a => a.Id).FirstAsync(Token);
            healthLead = await db.Users.Where(u => u.UserName == "partner.health").Select(u => u.Id).SingleAsync(Token);
        }

        var bu = await factory.SignInAsync("business.unit");
        var overview = Html.Parse(await bu.GetStringAsync($"/assurance/improvement-plan/{planId}", Token));
        Assert.NotNull(overview.QuerySelector($"[data-testid=overview] a[href='/assurance/improvement-plan/outcomes/{outcomeId}/change']"));
        var page = Html.Parse(await bu.GetStringAsync($"/assurance/improvement-plan/workstreams/{workstreamId}", Token));
        Assert.NotNull(page.QuerySelector($"[data-testid=workstream] .govuk-summary-list__actions a[href='/assurance/improvement-plan/workstreams/{workstreamId}/change']"));
        Assert.NotNull(page.QuerySelector($"[data-testid=actions] a[href='/assurance/improvement-plan/actions/{actionId}/change']"));

        // The workstream: errors beside the fields, then a new title and lead (whose agency becomes the lead agency).
        var change = $"/assurance/improvement-plan/workstreams/{workstreamId}/change";
        var form = Html.Parse(await bu.GetStringAsync(change, Token));
        var version = Html.Value(form, "Version")!;
        Assert.Equal("Rolling recruitment", Html.Value(form, "Input.Title"));
        var refused = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, change, new() { ["Version"] = version, ["Input.Title"] = " ", ["Input.LeadUserId"] = "" })).Content.ReadAsStringAsync(Token));
        Assert.Equal([("Enter the workstream's title", "Input-Title"), ("Select the workstream's lead", "Input-LeadUserId")], Html.ErrorSummary(refused));
        Html.AssertErrorSummaryLinksResolve(refused);
        Assert.Contains("Enter the workstream's title", Html.Text(refused, "#Input-Title-error"), StringComparison.Ordinal);
        var saved = await SafeguardWebFactory.PostFormAsync(bu, change, new() { ["Version"] = version, ["Input.Title"] = "Rolling recruitment and retention", ["Input.LeadUserId"] = healthLead.ToString(), ["Input.Impact"] = "Agency staff down to 30%" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var changed = Html.Parse(await bu.GetStringAsync($"/assurance/improvement-plan/workstreams/{workstreamId}", Token));
        Assert.Contains("Rolling recruitment and retention", Html.Text(changed, "h1"), StringComparison.Ordinal);
        Assert.Contains("Hana Health", Html.Text(changed, "[data-testid=workstream]"), StringComparison.Ordinal);
        var stale = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, change, new() { ["Version"] = version, ["Input.Title"] = "Overwritten", ["Input.LeadUserId"] = healthLead.ToString() })).Content.ReadAsStringAsync(Token));
        Assert.Contains(Html.ErrorSummary(stale), e => e.Message.Contains("changed by someone else", StringComparison.Ordinal));
        Html.AssertErrorSummaryLinksResolve(stale);

        // A milestone: a date that is not real is named; then completed on a given day.
        var actionChange = $"/assurance/improvement-plan/actions/{actionId}/change";
        var actionForm = Html.Parse(await bu.GetStringAsync(actionChange, Token));
        var fields = new Dictionary<string, string>
        {
            ["Version"] = Html.Value(actionForm, "Version")!,
            ["Input.Kind"] = "Milestone",
            ["Input.Title"] = "Workforce Board reconvened with a new chair",
            ["Input.OwnerUserId"] = healthLead.ToString(),
            ["Input.Status"] = "Completed",
            ["Input.DueOnDay"] = "31",
            ["Input.DueOnMonth"] = "2",
            ["Input.DueOnYear"] = "2026",
        };
        var badDate = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, actionChange, fields)).Content.ReadAsStringAsync(Token));
        Assert.Contains(Html.ErrorSummary(badDate), e => e.Target == "Input-DueOn");
        Html.AssertErrorSummaryLinksResolve(badDate);
        (fields["Input.DueOnDay"], fields["Input.CompletedOnDay"], fields["Input.CompletedOnMonth"], fields["Input.CompletedOnYear"]) = ("28", "1", "2", "2026");
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, actionChange, fields)).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var action = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Set<PlanAction>().AsNoTracking().SingleAsync(a => a.Id == actionId, Token);
            Assert.Equal(("Workforce Board reconvened with a new chair", new DateOnly(2026, 2, 28), PlanActionStatus.Completed, (DateOnly?)new DateOnly(2026, 2, 1), healthLead), (action.Title, action.DueOn, action.Status, action.CompletedOn, action.OwnerUserId));
        }

        // An outcome: the number must stay unique in the plan.
        var outcomeChange = $"/assurance/improvement-plan/outcomes/{outcomeId}/change";
        var outcomeForm = Html.Parse(await bu.GetStringAsync(outcomeChange, Token));
        var taken = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(bu, outcomeChange, new() { ["Version"] = Html.Value(outcomeForm, "Version")!, ["Input.Number"] = "1", ["Input.Title"] = "Build a skilled workforce" })).Content.ReadAsStringAsync(Token));
        Assert.Equal([("The plan already has an outcome 1", "Input-Number")], Html.ErrorSummary(taken));
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, outcomeChange, new() { ["Version"] = Html.Value(outcomeForm, "Version")!, ["Input.Number"] = "3", ["Input.Title"] = "Build a skilled, confident workforce", ["Input.Theme"] = "Create the conditions for good practice" })).StatusCode);
        Assert.Contains("Build a skilled, confident workforce", Html.Text(Html.Parse(await bu.GetStringAsync($"/assurance/improvement-plan/outcomes/{outcomeId}", Token)), "[data-testid=outcome]"), StringComparison.Ordinal);

        var lead = await factory.SignInAsync("data.council");
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync(change, Token)).StatusCode);
    }
}
