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
}
