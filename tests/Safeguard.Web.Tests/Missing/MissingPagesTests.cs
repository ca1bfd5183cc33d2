using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.ApiClients;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Api;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Missing;

/// <summary>The missing pages and API: a police report to a return and a return home interview; police see only their force's reports.</summary>
public class MissingPagesTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void When(Dictionary<string, string> form, string prefix, DateTimeOffset instant)
    {
        var local = UkTime.ToUkLocal(instant);
        form[$"{prefix}Day"] = S(local.Day);
        form[$"{prefix}Month"] = S(local.Month);
        form[$"{prefix}Year"] = S(local.Year);
        form[$"{prefix}Time"] = local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, string> Report(SafeguardWebFactory factory, string family)
    {
        var form = new Dictionary<string, string>
        {
            ["Child.GivenNames"] = "Mia",
            ["Child.FamilyName"] = family,
            ["Child.BornDay"] = "4",
            ["Child.BornMonth"] = "9",
            ["Child.BornYear"] = "2011",
            ["Child.Sex"] = "F",
            ["Input.Kind"] = "Missing",
            ["Input.From"] = "Home",
            ["Input.LookedAfter"] = "no",
            ["Input.RiskAtReport"] = "High",
            ["Input.ReportedByName"] = "PC Amy Santiago",
            ["Input.PoliceReference"] = "MFH-" + family,
            ["Input.Circumstances"] = "Not home from school; phone off",
        };
        When(form, "Input.Started", factory.Clock.GetUtcNow().AddHours(-20));
        return form;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_police_report_reaches_the_front_door_and_a_return_home_interview_is_recorded_against_the_clock(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var family = "Miss" + Unique();
        using var police = await factory.SignInAsync("partner");

        // A report with problems is refused beside its fields; the summary's links resolve.
        var bad = Report(factory, family);
        bad["Input.RiskAtReport"] = "";
        bad["Input.StartedDay"] = "31";
        bad["Input.StartedMonth"] = "2";
        using var refused = await SafeguardWebFactory.PostFormAsync(police, "/my-agency/missing/new", bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await Html.ReadAsync(refused);
        Assert.Contains(Html.ErrorSummary(refusedPage), e => e.Target == "#Input_Started" || e.Message.Contains("real date", StringComparison.Ordinal) || e.Message.Contains("date", StringComparison.Ordinal));
        Html.AssertErrorSummaryLinksResolve(refusedPage);

        using var reported = await SafeguardWebFactory.PostFormAsync(police, "/my-agency/missing/new", Report(factory, family));
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var reportUrl = reported.Headers.Location!.OriginalString;
        var episodeId = Guid.Parse(reportUrl.Split('/')[^1]);
        Assert.Contains($"Mia {family}", await police.GetStringAsync("/my-agency/missing"), StringComparison.Ordinal);

        // The front door sees the child missing now.
        using var frontDoor = await factory.SignInAsync("front.door");
        var overview = Html.Parse(await frontDoor.GetStringAsync("/missing"));
        Assert.Contains($"Mia {family}", overview.QuerySelector("[data-testid=missing-now]")!.TextContent, StringComparison.Ordinal);

        // The police record the return on their report; the interview is then due within 72 hours.
        var returned = factory.Clock.GetUtcNow().AddHours(-2);
        var form = new Dictionary<string, string> { ["Version"] = "0", ["Input.WhereFound"] = "Found at Bury Interchange" };
        When(form, "Input.Ended", returned);
        using var back = await SafeguardWebFactory.PostFormAsync(police, reportUrl, form);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var due = Html.Parse(await frontDoor.GetStringAsync("/front-door"));
        var row = Assert.Single(Html.TableRows(due), r => r[0].Contains($"Mia {family}", StringComparison.Ordinal));
        Assert.StartsWith("Due by ", row[^1], StringComparison.Ordinal);

        // A social worker records the interview, offered an hour after the return, held the next hour.
        using var worker = await factory.SignInAsync("social.worker");
        var interview = new Dictionary<string, string>
        {
            ["Version"] = "0",
            ["Input.Interviewer"] = "Rae Return",
            ["Input.Organisation"] = "Missing from home service",
            ["Input.Independent"] = "yes",
            ["Input.Outcome"] = "Accepted",
            ["Input.PullFactors"] = "Older friends with money",
            ["Input.WithWhom"] = "Two older boys",
        };
        When(interview, "Input.Offered", returned.AddHours(1));
        When(interview, "Input.Held", returned.AddHours(1.5));
        using var recorded = await SafeguardWebFactory.PostFormAsync(worker, $"/missing/episodes/{episodeId}/interview", interview);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var episode = Html.Parse(await worker.GetStringAsync($"/missing/episodes/{episodeId}"));
        Assert.Equal("Offered within 72 hours", episode.QuerySelector("[data-testid=clock]")!.TextContent.Trim());
        Assert.Contains("Older friends with money", episode.QuerySelector("[data-testid=interview]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain($"Mia {family}", await frontDoor.GetStringAsync("/front-door"), StringComparison.Ordinal);

        // The police see the offer, not the interview; another agency's partner cannot open the report or report at all.
        var policeView = await police.GetStringAsync(reportUrl);
        Assert.Contains("Offered", policeView, StringComparison.Ordinal);
        Assert.DoesNotContain("Older friends", policeView, StringComparison.Ordinal);
        var outsider = await TestUsers.CreateAsync(factory, Roles.PartnerPractitioner);
        using var other = await factory.SignInAsync(outsider);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(reportUrl)).StatusCode);
        using var notPolice = await SafeguardWebFactory.PostFormAsync(other, "/my-agency/missing/new", Report(factory, family + "x"));
        Assert.Contains("Only a member of a police force can report a child missing here", await notPolice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_police_system_reports_reads_back_and_records_the_return_with_a_key(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        CreatedApiClient key, health;
        using (var scope = factory.Services.CreateScope())
        {
            var clients = scope.ServiceProvider.GetRequiredService<ApiClientAdministration>();
            key = await clients.CreateAsync(new NewApiClient("Police missing system " + Unique(), "POLICE", ["missing.report"]), Actor.System("test set-up"));
            health = await clients.CreateAsync(new NewApiClient("Health " + Unique(), "ICB", ["missing.report"]), Actor.System("test set-up"));
        }

        using var client = factory.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        var family = "Api" + Unique();
        var submission = new MissingEpisodeSubmission("Missing", factory.Clock.GetUtcNow().AddHours(-5), null, "CarePlacement", null, "Medium", true,
            "Left the children's home after tea", "MFH-" + family, "PC Jake Peralta", new ContactSubmissionChild(null, "Leo", family, "2010-02-03", "M", null, null));

        using var bad = await client.PostAsJsonAsync("/api/v1/missing-episodes", submission with { Kind = "Lost", LookedAfter = null }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using (var problems = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            Assert.True(problems.RootElement.GetProperty("errors").TryGetProperty("kind", out _));
        }

        using var noLooked = await client.PostAsJsonAsync("/api/v1/missing-episodes", submission with { LookedAfter = null }, TestContext.Current.CancellationToken);
        using (var problems = JsonDocument.Parse(await noLooked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            Assert.True(problems.RootElement.GetProperty("errors").TryGetProperty("lookedAfter", out _));
        }

        using var created = await client.PostAsJsonAsync("/api/v1/missing-episodes", submission, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var summary = (await created.Content.ReadFromJsonAsync<MissingEpisodeSummary>(TestContext.Current.CancellationToken))!;
        Assert.Equal(($"Leo {family}", true, "CarePlacement", (DateTimeOffset?)null), (summary.Child, summary.ChildIdentified, summary.From, summary.EndedAt));

        var ended = factory.Clock.GetUtcNow().AddHours(-1);
        using var back = await client.PostAsJsonAsync($"/api/v1/missing-episodes/{summary.Id}/return", new MissingReturnSubmission(ended, "Returned to the home", null), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        using var again = await client.PostAsJsonAsync($"/api/v1/missing-episodes/{summary.Id}/return", new MissingReturnSubmission(ended, "Returned to the home", null), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var read = (await client.GetFromJsonAsync<MissingEpisodeSummary>(created.Headers.Location, TestContext.Current.CancellationToken))!;
        Assert.Equal("Returned to the home", read.WhereFound);

        var audit = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityId == summary.Id.ToString() && e.Process == "Missing.ReportEpisode"));
        Assert.Equal(key.Client.AgencyId, audit.ActorAgencyId);

        using var healthClient = factory.NewClient();
        healthClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", health.Key);
        Assert.Equal(HttpStatusCode.NotFound, (await healthClient.GetAsync(created.Headers.Location, TestContext.Current.CancellationToken)).StatusCode);
        using var healthReport = await healthClient.PostAsJsonAsync("/api/v1/missing-episodes", submission, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, healthReport.StatusCode);
    }
    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_front_door_identifies_a_reported_child_and_a_stale_change_is_refused(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var family = "Ident" + Unique();
        Guid childId, episodeId;
        using (var scope = factory.Services.CreateScope())
        {
            var details = new Safeguard.People.NewPerson { GivenNames = "Zoe", FamilyName = family, DateOfBirth = new DateOnly(2012, 5, 6), Sex = "F" };
            childId = (await scope.ServiceProvider.GetRequiredService<Safeguard.People.PersonIndex>().CreateAsync(details, [], Actor.System("test set-up"))).Id;
            var police = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Agencies.Where(a => a.Code == "POLICE").Select(a => a.Id).SingleAsync();
            var episode = new ComplexSafeguarding.MissingEpisodeDetails
            {
                Kind = ComplexSafeguarding.MissingKind.Missing,
                From = ComplexSafeguarding.MissingFrom.Home,
                LookedAfter = false,
                RiskAtReport = ComplexSafeguarding.MissingRisk.Low,
                StartedAt = factory.Clock.GetUtcNow().AddHours(-4),
                ReportedByName = "PC Rosa Diaz",
            };
            episodeId = (await scope.ServiceProvider.GetRequiredService<ComplexSafeguarding.MissingEpisodeService>()
                .ReportAsync(new ComplexSafeguarding.MissingReport(episode, null, details with { GivenNames = "Zoey" }), new Actor(null, "Police system", police))).Id;
        }

        using var frontDoor = await factory.SignInAsync("front.door");
        var url = $"/missing/episodes/{episodeId}";
        Assert.Contains($"Zoey {family}", Html.Parse(await frontDoor.GetStringAsync("/missing")).QuerySelector("[data-testid=to-identify]")!.TextContent, StringComparison.Ordinal);
        using var searched = await SafeguardWebFactory.PostFormAsync(frontDoor, url + "?handler=Search", new() { ["SearchName"] = "Zoe " + family, ["Version"] = "0" }, formPage: url);
        Assert.Contains($"Zoe {family}", await searched.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var linked = await SafeguardWebFactory.PostFormAsync(frontDoor, $"{url}?handler=Link&person={childId}", new() { ["Version"] = "0" }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Contains($"/missing/episodes/{episodeId}", await frontDoor.GetStringAsync($"/people/{childId}/missing"), StringComparison.Ordinal);

        // Two people change the episode from the same version: the second is refused and told why.
        var form = new Dictionary<string, string>
        {
            ["Version"] = "1",
            ["Input.Kind"] = "Missing",
            ["Input.From"] = "Home",
            ["Input.LookedAfter"] = "no",
            ["Input.RiskAtReport"] = "Medium",
            ["Input.ReportedByAgencyId"] = (await TestUsers.WithDbAsync(factory, db => db.Agencies.Where(a => a.Code == "POLICE").Select(a => a.Id).SingleAsync())).ToString(),
            ["Input.ReportedByName"] = "PC Rosa Diaz",
        };
        When(form, "Input.Started", factory.Clock.GetUtcNow().AddHours(-5));
        using var first = await SafeguardWebFactory.PostFormAsync(frontDoor, url + "/change", form);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await SafeguardWebFactory.PostFormAsync(frontDoor, url + "/change", form);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("changed by someone else", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_overview_pages_the_interviews_to_offer_by_the_page_in_the_address(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var family = "Paged" + Unique();
        var episodes = new List<(Guid Id, DateTimeOffset Ended)>();
        using (var scope = factory.Services.CreateScope())
        {
            var details = new Safeguard.People.NewPerson { GivenNames = "Ava", FamilyName = family, DateOfBirth = new DateOnly(2011, 2, 3), Sex = "F" };
            var childId = (await scope.ServiceProvider.GetRequiredService<Safeguard.People.PersonIndex>().CreateAsync(details, [], Actor.System("test set-up"))).Id;
            var police = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Agencies.Where(a => a.Code == "POLICE").Select(a => a.Id).SingleAsync();
            var missing = scope.ServiceProvider.GetRequiredService<ComplexSafeguarding.MissingEpisodeService>();
            for (var i = 0; i < ComplexSafeguarding.MissingOverviewPages.DefaultPageSize + 1; i++)
            {
                var started = factory.Clock.GetUtcNow().AddDays(-60 + i);
                var recorded = await missing.RecordAsync(childId, new ComplexSafeguarding.MissingEpisodeDetails
                {
                    Kind = ComplexSafeguarding.MissingKind.Missing,
                    From = ComplexSafeguarding.MissingFrom.Home,
                    LookedAfter = false,
                    RiskAtReport = ComplexSafeguarding.MissingRisk.Low,
                    StartedAt = started,
                    EndedAt = started.AddHours(5),
                    WhereFound = "Home",
                    ReportedByAgencyId = police,
                    ReportedByName = "PC Rosa Diaz",
                }, Actor.System("test set-up"));
                episodes.Add((recorded.Id, started.AddHours(5)));
            }
        }

        using var worker = await factory.SignInAsync("social.worker");
        var first = Html.Parse(await worker.GetStringAsync("/missing"));
        var count = first.QuerySelectorAll("[data-testid=list-count]")[0].TextContent;
        Assert.StartsWith("Showing 1 to 25 of ", count, StringComparison.Ordinal);
        var total = int.Parse(count.Split(' ')[5], NumberStyles.AllowThousands, CultureInfo.GetCultureInfo("en-GB"));
        Assert.NotNull(first.QuerySelector("nav.govuk-pagination a[href='/missing?page=2']"));

        var second = Html.Parse(await worker.GetStringAsync("/missing?page=2"));
        Assert.StartsWith($"Showing 26 to {Math.Min(50, total).ToString("N0", CultureInfo.GetCultureInfo("en-GB"))} of ", second.QuerySelectorAll("[data-testid=list-count]")[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("2", second.QuerySelector("nav.govuk-pagination [aria-current=page]")!.TextContent);

        // The interviews are then offered, so that the other tests of this class see their own children first.
        using (var scope = factory.Services.CreateScope())
        {
            var missing = scope.ServiceProvider.GetRequiredService<ComplexSafeguarding.MissingEpisodeService>();
            foreach (var (id, ended) in episodes)
            {
                await missing.RecordInterviewAsync(id, 0, new ComplexSafeguarding.ReturnInterviewDetails
                {
                    OfferedAt = ended.AddHours(1),
                    Interviewer = "Rae Return",
                    Independent = true,
                    Outcome = ComplexSafeguarding.ReturnInterviewOutcome.Declined,
                    Reason = "Did not want to talk",
                }, Actor.System("test set-up"));
            }
        }
    }
}
