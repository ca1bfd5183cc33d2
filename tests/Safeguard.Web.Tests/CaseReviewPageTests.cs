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
        var future = await SafeguardWebFactory.PostFormAsync(bu, "/case-reviews/new", new Dictionary<string, string> { ["Input.ChildName"] = "Child W" }.WithDate("Input.AwareOn", today.AddDays(1)));
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("must be today or in the past", await future.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);

        var created = await SafeguardWebFactory.PostFormAsync(bu, "/case-reviews/new", new Dictionary<string, string>
        {
            ["Input.ChildName"] = "Child W",
            ["Input.Criteria"] = "abuse",
            ["Input.Harm"] = "Died",
            ["Input.DecidedNotifiable"] = "true",
            ["Input.DecisionAgreedBy"] = "Head of Safeguarding",
        }.WithDate("Input.AwareOn", today).WithDate("Input.DecidedOn", today).WithDate("Input.PanelNotifiedOn", today));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var casePage = created.Headers.Location!.OriginalString;
        Guid policeId, cscId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            policeId = (await db.Agencies.SingleAsync(a => a.Code == "POLICE", Token)).Id;
            cscId = (await db.Agencies.SingleAsync(a => a.Code == "CSC", Token)).Id;
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Requests", new Dictionary<string, string> { ["RequestAgencies"] = policeId.ToString() }.WithDate("Requests.RequestedOn", today), casePage)).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var request = await db.InformationRequests.SingleAsync(r => r.AgencyId == policeId && r.RequestedOn == today && r.ReceivedOn == null, Token);
            Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, $"{casePage}?handler=Response&requestId={request.Id}", new Dictionary<string, string> { ["Text"] = "Police chronology", ["Version"] = "0" }.WithDate($"Response-{request.Id}.ReceivedOn", today), casePage)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Meeting", new Dictionary<string, string> { ["AttendeeNames"] = "Lee Council", ["AttendeeAgencies"] = cscId.ToString(), ["Text"] = "Discussed", ["Version"] = "0" }.WithDate("Meeting.MeetingOn", today), casePage)).StatusCode);
        var noRationale = await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Recommendation", new Dictionary<string, string> { ["Outcome"] = "NoFurtherReview", ["Rationale"] = "", ["Version"] = "1" }.WithDate("Recommendation.RecommendedOn", today), casePage);
        Assert.Contains("Enter the rationale for the recommendation", await noRationale.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Recommendation", new Dictionary<string, string> { ["Outcome"] = "NoFurtherReview", ["Rationale"] = "Practice was good", ["Version"] = "1" }.WithDate("Recommendation.RecommendedOn", today), casePage)).StatusCode);

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

        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Send", new Dictionary<string, string> { ["Version"] = "2" }.WithDate("Send.SentToPanelOn", today), casePage)).StatusCode);
        var page = await bu.GetStringAsync(casePage, Token);
        Assert.Contains("Complete", page, StringComparison.Ordinal);
        Assert.Contains("police: signed by Piers Police", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// Every date on the case review pages is a GOV.UK date input: a date that is not real (31 February) is refused
    /// beside its own field (each form on a page has its own ids), keeping what was typed.
    /// </summary>
    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_date_that_is_not_real_is_refused_beside_its_field_keeping_what_was_typed(DatabaseProvider provider)
    {
        await using var factory = await SafeguardWebFactory.CreateAsync(provider);
        var bu = await factory.SignInAsync("business.unit");
        var today = UkTime.Today(factory.Clock);
        var notReal = ("31", "2", "2026");

        var refusedNew = await Html.ReadAsync(await SafeguardWebFactory.PostFormAsync(bu, "/case-reviews/new",
            new Dictionary<string, string> { ["Input.ChildName"] = "Child X" }.WithDate("Input.AwareOn", "31", "2", "2026").WithDate("Input.PanelNotifiedOn", "", "11", "2026")));
        DateInputs.AssertRefused(refusedNew, "Input.AwareOn", "The date the council became aware must be a real date, with a four-digit year", notReal);
        DateInputs.AssertRefused(refusedNew, "Input.PanelNotifiedOn", "The date the National Panel was notified must include a day, month and year as numbers", ("", "11", "2026"));
        Assert.Equal("Child X", Html.Value(refusedNew, "Input.ChildName"));

        var created = await SafeguardWebFactory.PostFormAsync(bu, "/case-reviews/new", new Dictionary<string, string>
        {
            ["Input.ChildName"] = "Child X",
            ["Input.Criteria"] = "abuse",
            ["Input.Harm"] = "Died",
            ["Input.DecidedNotifiable"] = "true",
            ["Input.DecisionAgreedBy"] = "Head of Safeguarding",
        }.WithDate("Input.AwareOn", today).WithDate("Input.DecidedOn", today).WithDate("Input.PanelNotifiedOn", today));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var casePage = created.Headers.Location!.OriginalString;
        var caseId = Guid.Parse(casePage["/case-reviews/".Length..]);
        Guid[] agencies = await TestUsers.WithDbAsync(factory, db => db.Agencies.Where(a => a.Code == "POLICE" || a.Code == "CSC").Select(a => a.Id).ToArrayAsync(Token));

        var requests = await Html.ReadAsync(await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Requests",
            new Dictionary<string, string> { ["RequestAgencies"] = agencies[0].ToString() }.WithDate("Requests.RequestedOn", "31", "2", "2026"), casePage));
        DateInputs.AssertRefused(requests, "Requests.RequestedOn", "The date the requests were sent must be a real date, with a four-digit year", notReal);

        var sent = new List<KeyValuePair<string, string>>([new("RequestAgencies", agencies[0].ToString()), new("RequestAgencies", agencies[1].ToString()),
            .. new Dictionary<string, string>().WithDate("Requests.RequestedOn", today)]);
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Requests", sent, casePage)).StatusCode);
        var requestIds = await TestUsers.WithDbAsync(factory, db => db.InformationRequests.Where(r => db.RapidReviews.Any(x => x.Id == r.RapidReviewId && x.NotificationId == caseId)).OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(Token));
        Assert.Equal(2, requestIds.Count);

        // Each request has its own response form on the page: the refusal is shown beside the one that was sent.
        var response = await Html.ReadAsync(await SafeguardWebFactory.PostFormAsync(bu, $"{casePage}?handler=Response&requestId={requestIds[1]}",
            new Dictionary<string, string> { ["Text"] = "Chronology", ["Version"] = "0" }.WithDate($"Response-{requestIds[1]}.ReceivedOn", "31", "2", "2026"), casePage));
        DateInputs.AssertRefused(response, $"Response-{requestIds[1]}.ReceivedOn", "The date the response was received must be a real date, with a four-digit year", notReal);
        Assert.NotNull(response.GetElementById($"Response-{requestIds[0]}-ReceivedOn"));
        Assert.Equal<(string?, string?, string?)>((null, null, null), DateInputs.Typed(response, $"Response-{requestIds[0]}.ReceivedOn"));
        Assert.Empty(response.QuerySelectorAll("[id]").GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key));

        var meeting = await Html.ReadAsync(await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Meeting",
            new Dictionary<string, string> { ["AttendeeNames"] = "Lee Council", ["AttendeeAgencies"] = agencies[0].ToString(), ["Text"] = "Discussed", ["Version"] = "0" }.WithDate("Meeting.MeetingOn", "31", "2", "2026"), casePage));
        DateInputs.AssertRefused(meeting, "Meeting.MeetingOn", "The date of the meeting must be a real date, with a four-digit year", notReal);
        Assert.Null(meeting.GetElementById("Meeting-MeetingOn")!.Closest("details"));

        // Once the meeting is recorded its form is folded away; a refused change shows it open, the error beside the date.
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Meeting",
            new Dictionary<string, string> { ["AttendeeNames"] = "Lee Council", ["AttendeeAgencies"] = agencies[0].ToString(), ["Text"] = "Discussed", ["Version"] = "0" }.WithDate("Meeting.MeetingOn", today), casePage)).StatusCode);
        var meetingAgain = await Html.ReadAsync(await SafeguardWebFactory.PostFormAsync(bu, casePage + "?handler=Meeting",
            new Dictionary<string, string> { ["AttendeeNames"] = "Lee Council", ["AttendeeAgencies"] = agencies[0].ToString(), ["Text"] = "Discussed again", ["Version"] = "1" }.WithDate("Meeting.MeetingOn", "31", "2", "2026"), casePage));
        DateInputs.AssertRefused(meetingAgain, "Meeting.MeetingOn", "The date of the meeting must be a real date, with a four-digit year", notReal);
        Assert.True(meetingAgain.GetElementById("Meeting-MeetingOn")!.Closest("details")!.HasAttribute("open"));
        Assert.False((await Html.ReadAsync(await bu.GetAsync(casePage, Token))).GetElementById("Meeting-MeetingOn")!.Closest("details")!.HasAttribute("open"));

        // Learning: one "new action" form per recommendation and one progress form per action.
        var learningPage = $"{casePage}/learning";
        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, learningPage + "?handler=Recommendation", new() { ["Text"] = "Share chronologies" }, learningPage)).StatusCode);
        var recommendationId = await TestUsers.WithDbAsync(factory, db => db.Recommendations.Where(r => r.NotificationId == caseId).Select(r => r.Id).SingleAsync(Token));
        var action = new Dictionary<string, string> { ["Text"] = "Write the protocol", ["AgencyId"] = agencies[0].ToString(), ["Owner"] = "Pat Police" };
        var badAction = await Html.ReadAsync(await SafeguardWebFactory.PostFormAsync(bu, $"{learningPage}?handler=Action&recommendationId={recommendationId}",
            new Dictionary<string, string>(action).WithDate(LearningDueKey(recommendationId), "31", "2", "2026"), learningPage));
        DateInputs.AssertRefused(badAction, LearningDueKey(recommendationId), "The due date must be a real date, with a four-digit year", notReal);

        Assert.Equal(HttpStatusCode.Redirect, (await SafeguardWebFactory.PostFormAsync(bu, $"{learningPage}?handler=Action&recommendationId={recommendationId}",
            new Dictionary<string, string>(action).WithDate(LearningDueKey(recommendationId), today.AddMonths(2)), learningPage)).StatusCode);
        var actionId = await TestUsers.WithDbAsync(factory, db => db.ReviewActions.Where(a => a.RecommendationId == recommendationId).Select(a => a.Id).SingleAsync(Token));
        var progress = await Html.ReadAsync(await SafeguardWebFactory.PostFormAsync(bu, $"{learningPage}?handler=Progress&actionId={actionId}",
            new Dictionary<string, string> { ["Status"] = "Completed", ["Text"] = "Protocol signed", ["Version"] = "0" }.WithDate($"Progress-{actionId}.CompletedOn", "31", "2", "2026"), learningPage));
        DateInputs.AssertRefused(progress, $"Progress-{actionId}.CompletedOn", "The date the action was completed must be a real date, with a four-digit year", notReal);
        Assert.Empty(progress.QuerySelectorAll("[id]").GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    private static string LearningDueKey(Guid recommendationId) => $"Action-{recommendationId}.DueOn";
}
