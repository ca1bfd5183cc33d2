using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Escalations;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Escalations;

public class EscalationPagesTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_agency_sees_and_answers_only_its_own_escalations_and_the_business_unit_sees_every_one(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        Guid csc, sam;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            csc = await db.Agencies.Where(a => a.Code == "CSC").Select(a => a.Id).SingleAsync(Token);
            sam = await db.Users.Where(u => u.UserName == "social.worker").Select(u => u.Id).SingleAsync(Token);
        }

        var today = Calendar.UkTime.Today(factory.Clock);
        var police = await factory.SignInAsync("partner");
        var refused = Html.Parse(await (await SafeguardWebFactory.PostFormAsync(police, "/my-agency/escalations/new", new() { ["Input.Concern"] = "" })).Content.ReadAsStringAsync(Token));
        Assert.Contains(("Select the agency you disagree with", "Input-RaisedWithAgencyId"), Html.ErrorSummary(refused));
        Html.AssertErrorSummaryLinksResolve(refused);

        var raised = await SafeguardWebFactory.PostFormAsync(police, "/my-agency/escalations/new", new()
        {
            ["Input.RaisedWithAgencyId"] = csc.ToString(),
            ["Input.RespondingUserId"] = sam.ToString(),
            ["Input.RaisedByRole"] = "Detective constable",
            ["Input.Subject"] = "The Walsh children",
            ["Input.Theme"] = nameof(EscalationTheme.ThresholdDecision),
            ["Input.Concern"] = "Third domestic abuse call-out this month: we ask for a strategy discussion.",
            ["Input.RaisedOnDay"] = today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.RaisedOnMonth"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.RaisedOnYear"] = today.Year.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        var link = raised.Headers.Location!.OriginalString;
        var id = link[(link.LastIndexOf('/') + 1)..];
        Assert.Contains("The Walsh children", await police.GetStringAsync("/my-agency/escalations", Token), StringComparison.Ordinal);

        // The school is neither side: not in its list, and "not found".
        var school = await factory.SignInAsync("school");
        Assert.DoesNotContain("The Walsh children", await school.GetStringAsync("/my-agency/escalations", Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(link, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(link + "/respond", Token)).StatusCode);

        // Children's services, raised with, responds.
        var worker = await factory.SignInAsync("social.worker");
        var page = Html.Parse(await worker.GetStringAsync(link, Token));
        Assert.NotNull(page.QuerySelector($"a[href='{link}/respond']"));
        var responded = await SafeguardWebFactory.PostFormAsync(worker, link + "/respond", new()
        {
            ["Version"] = "0",
            ["Input.Response"] = "A strategy discussion is arranged for tomorrow.",
            ["Input.RespondedOnDay"] = today.Day.ToString(CultureInfo.InvariantCulture),
            ["Input.RespondedOnMonth"] = today.Month.ToString(CultureInfo.InvariantCulture),
            ["Input.RespondedOnYear"] = today.Year.ToString(CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, responded.StatusCode);
        Assert.Contains("A strategy discussion is arranged for tomorrow.", Html.Parse(await police.GetStringAsync(link, Token)).QuerySelector("[data-testid=escalation-stages]")?.TextContent ?? "", StringComparison.Ordinal);

        // A stale version is refused, not overwritten.
        var stale = await SafeguardWebFactory.PostFormAsync(worker, link + "/respond", new() { ["Version"] = "0", ["Input.Response"] = "Changed", ["Input.RespondedOnDay"] = today.Day.ToString(CultureInfo.InvariantCulture), ["Input.RespondedOnMonth"] = today.Month.ToString(CultureInfo.InvariantCulture), ["Input.RespondedOnYear"] = today.Year.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);

        // The business unit sees it, filtered by agency; the school may not open the business unit's list.
        var bu = await factory.SignInAsync("business.unit");
        var list = Html.Parse(await bu.GetStringAsync($"/assurance/escalations?Agency={csc}", Token));
        Assert.Contains("The Walsh children", list.QuerySelector("[data-testid=escalations]")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("No escalation matches", await bu.GetStringAsync("/assurance/escalations?Overdue=true", Token), StringComparison.Ordinal);
        Assert.Contains("Detective constable", await bu.GetStringAsync($"/assurance/escalations/{id}", Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync("/assurance/escalations", Token)).StatusCode);
        var json = await bu.GetStringAsync($"/assurance/escalations/figures?handler=Json&year={Common.ReportingYear.Of(today).StartYear}", Token);
        Assert.Contains("\"raised\":1", json, StringComparison.Ordinal);
        Assert.Contains("\"label\":\"Threshold decision\",\"count\":1", json, StringComparison.Ordinal);
    }
}
