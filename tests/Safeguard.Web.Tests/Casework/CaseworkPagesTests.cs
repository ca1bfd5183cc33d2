using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Casework;

/// <summary>The child's journey through its pages and the API: recording steps, refusals, allocation, due work, chronology.</summary>
public class CaseworkPagesTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static string Unique() => Guid.NewGuid().ToString("N")[..6];

    private static DateOnly Today(SafeguardWebFactory factory) => UkTime.Today(factory.Clock);

    private static async Task<Guid> ChildAsync(SafeguardWebFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var index = scope.ServiceProvider.GetRequiredService<PersonIndex>();
        var details = new NewPerson { GivenNames = "Cara", FamilyName = "Journey" + Unique(), DateOfBirth = new DateOnly(2017, 5, 1), Sex = "F" };
        // The tests share a database: other test children look alike and are confirmed to be different people.
        var alike = await index.FindPossibleDuplicatesAsync(details, Actor.System("test set-up"));
        var person = await index.CreateAsync(details, [.. alike.Select(a => a.Id)], Actor.System("test set-up"));
        return person.Id;
    }

    private static Dictionary<string, string> Date(string field, DateOnly date) => new()
    {
        [$"Input.{field}Day"] = date.Day.ToString(CultureInfo.InvariantCulture),
        [$"Input.{field}Month"] = date.Month.ToString(CultureInfo.InvariantCulture),
        [$"Input.{field}Year"] = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    private static Dictionary<string, string> With(Dictionary<string, string> form, params (string Key, string Value)[] more)
    {
        foreach (var (key, value) in more)
        {
            form[key] = value;
        }

        return form;
    }

    private static async Task<int> VersionAsync(SafeguardWebFactory factory, Guid childId) =>
        await TestUsers.WithDbAsync(factory, db => db.NeedEpisodes.Where(e => e.PersonId == childId && e.ClosureDate == null).Select(e => e.Version).SingleAsync());

    private static async Task ReferAsync(SafeguardWebFactory factory, HttpClient client, Guid childId, DateOnly referral)
    {
        using var saved = await SafeguardWebFactory.PostFormAsync(client, $"/people/{childId}/casework/referral",
            With(Date("ReferralDate", referral), ("Input.ReferralSource", "2A"), ("Input.PrimaryNeedCode", "N1"), ("Input.ReferralNfa", "no")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/people/{childId}/casework", saved.Headers.Location!.OriginalString);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_social_worker_records_a_referral_and_an_assessment_and_sees_what_is_due_with_the_view_audited(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var childId = await ChildAsync(factory);
        using var client = await factory.SignInAsync("social.worker");
        var today = Today(factory);

        var record = Html.Parse(await client.GetStringAsync($"/people/{childId}"));
        Assert.NotNull(record.QuerySelector($"a[href='/people/{childId}/casework']"));

        await ReferAsync(factory, client, childId, today);
        using var started = await SafeguardWebFactory.PostFormAsync(client, $"/people/{childId}/casework/assessment",
            With(Date("StartDate", today), ("Version", (await VersionAsync(factory, childId)).ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        var page = Html.Parse(await client.GetStringAsync($"/people/{childId}/casework"));
        Assert.Contains("The assessment is started.", page.Body!.TextContent, StringComparison.Ordinal);
        var due = Html.TableRows(page).Single(r => r[0] == "Assessment");
        Assert.Contains("45 working days left", due[2], StringComparison.Ordinal);
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.Process == "Casework.View" && e.EntityId == childId.ToString() && e.ActorName == "Sam Social")));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_refused_step_is_shown_beside_its_field_and_a_stale_form_is_refused_as_a_conflict(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var childId = await ChildAsync(factory);
        using var client = await factory.SignInAsync("social.worker");
        var today = Today(factory);
        await ReferAsync(factory, client, childId, today.AddDays(-10));

        using var early = await SafeguardWebFactory.PostFormAsync(client, $"/people/{childId}/casework/assessment",
            With(Date("StartDate", today.AddDays(-11)), ("Version", "0")));
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        var page = await Html.ReadAsync(early);
        var (message, target) = Assert.Single(Html.ErrorSummary(page));
        Assert.Equal("Input-StartDate", target);
        Assert.Contains("on or after the referral", message, StringComparison.Ordinal);
        Html.AssertErrorSummaryLinksResolve(page);

        using var plan = await SafeguardWebFactory.PostFormAsync(client, $"/people/{childId}/casework/cin-plan", With(Date("StartDate", today), ("Version", "0")));
        Assert.Equal(HttpStatusCode.Redirect, plan.StatusCode);
        using var stale = await SafeguardWebFactory.PostFormAsync(client, $"/people/{childId}/casework/strategy-discussion",
            With(Date("Date", today), ("Input.Outcome", "NoSection47"), ("Version", "0")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed by someone else", (await Html.ReadAsync(stale)).Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Closing_checks_the_answers_first_and_a_census_error_names_its_rule(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var childId = await ChildAsync(factory);
        using var client = await factory.SignInAsync("social.worker");
        var today = Today(factory);
        await ReferAsync(factory, client, childId, today.AddDays(-5));
        using var started = await SafeguardWebFactory.PostFormAsync(client, $"/people/{childId}/casework/assessment", With(Date("StartDate", today.AddDays(-4)), ("Version", "0")));
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);

        using var check = await SafeguardWebFactory.PostFormAsync(client, $"/people/{childId}/casework/close?handler=Check",
            With(Date("ClosureDate", today), ("Input.ReasonForClosure", "RC7"), ("Version", "1")), formPage: $"/people/{childId}/casework/close");
        var checkPage = await Html.ReadAsync(check);
        Assert.Equal("Check before closing the episode", Html.Text(checkPage, "h1"));

        using var refused = await SafeguardWebFactory.PostFormAsync(client, $"/people/{childId}/casework/close",
            With(Date("ClosureDate", today), ("Input.ReasonForClosure", "RC7"), ("Version", "1")));
        var (message, target) = Assert.Single(Html.ErrorSummary(await Html.ReadAsync(refused)));
        Assert.StartsWith("Census rule 8867:", message, StringComparison.Ordinal);
        Assert.Equal("Input-ClosureDate", target);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_team_manager_allocates_and_the_worker_and_the_team_see_the_overdue_assessment(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var childId = await ChildAsync(factory);
        var today = Today(factory);
        var (workerId, teamId) = await TestUsers.WithDbAsync(factory, db => db.Users.Where(u => u.UserName == "social.worker").Select(u => new { u.Id, u.TeamId }).SingleAsync()) switch { var u => (u.Id, u.TeamId!.Value) };
        using var manager = await factory.SignInAsync("team.manager");
        await ReferAsync(factory, manager, childId, today.AddDays(-90));
        using var started = await SafeguardWebFactory.PostFormAsync(manager, $"/people/{childId}/casework/assessment", With(Date("StartDate", today.AddDays(-89)), ("Version", "0")));
        using var allocated = await SafeguardWebFactory.PostFormAsync(manager, $"/people/{childId}/casework/allocate",
            With([], ("Input.TeamId", teamId.ToString()), ("Input.WorkerId", workerId.ToString()), ("Version", "1")));
        Assert.Equal(HttpStatusCode.Redirect, allocated.StatusCode);

        var team = Html.Parse(await manager.GetStringAsync($"/casework/team?TeamId={teamId}"));
        var row = Html.TableRows(team).Single(r => r[0].StartsWith("Cara Journey", StringComparison.Ordinal));
        Assert.Equal(("Assessment", "Sam Social"), (row[1], row[2]));
        Assert.StartsWith("Overdue", row[4], StringComparison.Ordinal);
        var name = row[0];

        // In a long list the manager finds the child by name; another name finds nothing.
        var found = Html.TableRows(Html.Parse(await manager.GetStringAsync($"/casework/team?TeamId={teamId}&Child={Uri.EscapeDataString(name.ToUpperInvariant()[5..])}")));
        Assert.Equal([name], found.Select(r => r[0]));
        var none = Html.Parse(await manager.GetStringAsync($"/casework/team?TeamId={teamId}&Child=Nobody{Unique()}"));
        Assert.Empty(Html.TableRows(none));
        Assert.Contains("Nothing for", none.Body!.TextContent, StringComparison.Ordinal);

        using var worker = await factory.SignInAsync("social.worker");
        var mine = Html.Parse(await worker.GetStringAsync("/casework/my-work"));
        Assert.Contains(Html.TableRows(mine), r => r[0].StartsWith("Cara Journey", StringComparison.Ordinal) && r[1] == "Assessment");
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_chronology_page_and_api_list_the_journey_filter_by_kind_and_are_audited(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var childId = await ChildAsync(factory);
        var today = Today(factory);
        using var client = await factory.SignInAsync("social.worker");
        await ReferAsync(factory, client, childId, today.AddDays(-3));
        using var discussion = await SafeguardWebFactory.PostFormAsync(client, $"/people/{childId}/casework/strategy-discussion",
            With(Date("Date", today.AddDays(-2)), ("Input.Outcome", "Section47"), ("Version", "0")));

        var page = Html.Parse(await client.GetStringAsync($"/people/{childId}/chronology"));
        var titles = page.QuerySelectorAll(".app-timeline__entry h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Record added to the person index", "Section 47 enquiry started", "Strategy discussion", "Referral to children's social care"], titles);

        var filtered = Html.Parse(await client.GetStringAsync($"/people/{childId}/chronology?Kind={Uri.EscapeDataString(ChronologyKinds.Referral)}"));
        Assert.Equal("Referral to children's social care", Assert.Single(filtered.QuerySelectorAll(".app-timeline__entry h2")).TextContent.Trim());

        var api = await client.GetFromJsonAsync<List<ChronologyEntry>>($"/api/v1/people/{childId}/chronology?kind={Uri.EscapeDataString(ChronologyKinds.StrategyDiscussion)}");
        Assert.Equal("Strategy discussion", Assert.Single(api!).Title);
        using var missing = await client.GetAsync($"/api/v1/people/{Guid.NewGuid()}/chronology");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(3, await TestUsers.WithDbAsync(factory, db => db.AuditEvents.CountAsync(e => e.Process == "Chronology.View" && e.EntityId == childId.ToString())));
        using var openApi = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/openapi.json"));
        Assert.True(openApi.RootElement.GetProperty("paths").TryGetProperty("/api/v1/people/{id}/chronology", out _), "The OpenAPI document has no chronology.");
    }
}
