using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests;

public class CaseReviewPageTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    private static readonly string[] GroupMembers = ["business.unit", "partner.la", "partner.health", "partner.police", "review.member"];

    private static readonly string[] Outsiders = ["admin", "front.door", "social.worker", "team.manager", "partner", "scrutiny"];

    /// <summary>Role matrix: only the case review group sees any case review page; only the business unit records.</summary>
    [Fact]
    public async Task Only_the_case_review_group_can_open_the_case_review_pages()
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(DatabaseProvider.Sqlite);
        Guid caseId;
        using (var scope = factory.Services.CreateScope())
        {
            caseId = (await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().SeriousIncidentNotifications.FirstAsync(Token)).Id;
        }

        string[] viewPages = ["/case-reviews", $"/case-reviews/{caseId}", $"/case-reviews/{caseId}/learning", "/case-reviews/themes", "/case-reviews/actions", "/case-reviews/annual-report", "/case-reviews/annual-report?handler=Docx"];
        foreach (var user in GroupMembers.Concat(Outsiders))
        {
            var client = await factory.SignInAsync(user);
            foreach (var page in viewPages)
            {
                var expected = GroupMembers.Contains(user) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                Assert.True(expected == (await client.GetAsync(page, Token)).StatusCode, $"{user} on {page}: expected {expected}");
            }

            var newPage = (await client.GetAsync("/case-reviews/new", Token)).StatusCode;
            Assert.True((user == "business.unit" ? HttpStatusCode.OK : HttpStatusCode.Forbidden) == newPage, $"{user} on /case-reviews/new");
            var home = await client.GetStringAsync("/", Token);
            Assert.Equal(GroupMembers.Contains(user), home.Contains("href=\"/case-reviews\"", StringComparison.Ordinal));
        }
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_business_unit_runs_a_rapid_review_the_partners_sign_it_and_it_goes_to_the_Panel(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var bu = await factory.SignInAsync("business.unit");
        var today = UkTime.Today(factory.Clock);
        string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var future = await SafeguardWebFactory.PostFormAsync(bu, "/case-reviews/new", new() { ["Input.AwareOn"] = Iso(today.AddDays(1)), ["Input.ChildName"] = "Child W" });
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("must be today or in the past", await future.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        var created = await SafeguardWebFactory.PostFormAsync(bu, "/case-reviews/new", new()
        {
            ["Input.AwareOn"] = Iso(today),
            ["Input.ChildName"] = "Child W",
            ["Input.Criteria"] = "abuse",
            ["Input.Harm"] = "Died",
            ["Input.DecidedNotifiable"] = "true",
            ["Input.DecisionAgreedBy"] = "Head of Safeguarding",
            ["Input.DecidedOn"] = Iso(today),
            ["Input.PanelNotifiedOn"] = Iso(today),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var casePage = created.Headers.Location!.OriginalString;
        Guid policeId, cscId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            policeId = (await db.Agencies.SingleAsync(a => a.Code == "POLICE", Token)).Id;
            cscId = (await db.Agencies.SingleAsync(a => a.Code == "CSC", Token)).Id;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Requests", new() { ["RequestAgencies"] = policeId.ToString(), ["Date"] = Iso(today) }, casePage)).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var request = await db.InformationRequests.SingleAsync(r => r.AgencyId == policeId && r.RequestedOn == today && r.ReceivedOn == null, Token);
            Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, $"{casePage}?handler=Response&requestId={request.Id}", new() { ["Date"] = Iso(today), ["Text"] = "Police chronology", ["Version"] = "0" }, casePage)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Meeting", new() { ["Date"] = Iso(today), ["AttendeeNames"] = "Lee Council", ["AttendeeAgencies"] = cscId.ToString(), ["Text"] = "Discussed", ["Version"] = "0" }, casePage)).StatusCode);
        var noRationale = await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Recommendation", new() { ["Outcome"] = "NoFurtherReview", ["Rationale"] = "", ["Date"] = Iso(today), ["Version"] = "1" }, casePage);
        Assert.Contains("Enter the rationale for the recommendation", await noRationale.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Recommendation", new() { ["Outcome"] = "NoFurtherReview", ["Rationale"] = "Practice was good", ["Date"] = Iso(today), ["Version"] = "1" }, casePage)).StatusCode);

        Assert.Equal(10L * 1024 * 1024, factory.Services.GetRequiredService<Safeguard.CaseReviews.CaseReviewOptions>().MaxDocumentBytes);
        var buSigns = await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Sign", [], casePage);
        Assert.Equal(HttpStatusCode.Forbidden, buSigns.StatusCode);
        var member = await factory.SignInAsync("review.member");
        var memberSigns = await SafeguardWebFactory.PostFormAsync(member, casePage + "?handler=Sign", [], casePage);
        Assert.Contains("is not one of the three statutory safeguarding partners", await memberSigns.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        foreach (var partner in new[] { "partner.la", "partner.health", "partner.police" })
        {
            var client = await factory.SignInAsync(partner);
            Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(client, casePage + "?handler=Sign", [], casePage)).StatusCode);
            if (partner == "partner.police")
            {
                var twice = await SafeguardWebFactory.PostFormAsync(client, casePage + "?handler=Sign", [], casePage);
                Assert.Contains("The police partner has already signed", await twice.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
            }
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Send", new() { ["Date"] = Iso(today), ["Version"] = "2" }, casePage)).StatusCode);
        var page = await bu.GetStringAsync(casePage, Token);
        Assert.Contains("Complete", page, StringComparison.Ordinal);
        Assert.Contains("police: signed by Piers Police", page, StringComparison.Ordinal);
    }
}
