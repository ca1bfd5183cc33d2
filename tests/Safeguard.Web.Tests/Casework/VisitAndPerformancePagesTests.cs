using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Journey;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Casework;

/// <summary>Recording a child's visits through the pages, and the team manager's performance view.</summary>
public class VisitAndPerformancePagesTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static async Task<Guid> ChildAsync(SafeguardWebFactory factory, string given)
    {
        using var scope = factory.Services.CreateScope();
        var index = scope.ServiceProvider.GetRequiredService<PersonIndex>();
        var details = new NewPerson { GivenNames = given, FamilyName = "Visit" + Guid.NewGuid().ToString("N")[..6], DateOfBirth = new DateOnly(2017, 5, 1), Sex = "F" };
        var alike = await index.FindPossibleDuplicatesAsync(details, Actor.System("test set-up"));
        return (await index.CreateAsync(details, [.. alike.Select(a => a.Id)], Actor.System("test set-up"))).Id;
    }

    private static Dictionary<string, string> VisitForm(DateOnly date, string seen, string version = "0") => new()
    {
        ["Input.VisitDateDay"] = date.Day.ToString(CultureInfo.InvariantCulture),
        ["Input.VisitDateMonth"] = date.Month.ToString(CultureInfo.InvariantCulture),
        ["Input.VisitDateYear"] = date.Year.ToString(CultureInfo.InvariantCulture),
        ["Input.ChildSeen"] = seen,
        ["Input.VisitedBy"] = "Sam Social",
        ["Input.Note"] = "Seen in her bedroom",
        ["Version"] = version,
    };

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_social_worker_records_and_changes_a_visit_with_a_future_date_and_a_stale_form_refused(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var childId = await ChildAsync(factory, "Vera");
        using var client = await factory.SignInAsync("social.worker");
        var today = UkTime.Today(factory.Clock);
        var url = $"/people/{childId}/casework/visit";

        using var future = await SafeguardWebFactory.PostFormAsync(client, url, VisitForm(today.AddDays(1), "alone"));
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        var page = await Html.ReadAsync(future);
        var (message, target) = Assert.Single(Html.ErrorSummary(page));
        Assert.Equal("Input-VisitDate", target);
        Assert.Contains("must be today or in the past", message, StringComparison.Ordinal);
        Html.AssertErrorSummaryLinksResolve(page);

        using var saved = await SafeguardWebFactory.PostFormAsync(client, url, VisitForm(today, "alone"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/people/{childId}/casework/visits", saved.Headers.Location!.OriginalString);
        var list = Html.Parse(await client.GetStringAsync($"/people/{childId}/casework/visits"));
        Assert.Equal("Seen alone", Html.TableRows(list).Single()[1]);
        var visitId = await TestUsers.WithDbAsync(factory, db => db.ChildVisits.Where(v => v.PersonId == childId).Select(v => v.Id).SingleAsync());

        using var changed = await SafeguardWebFactory.PostFormAsync(client, $"{url}/{visitId}", VisitForm(today, "no", "0"));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        using var stale = await SafeguardWebFactory.PostFormAsync(client, $"{url}/{visitId}", VisitForm(today, "with-others", "0"));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("changed by someone else", (await Html.ReadAsync(stale)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Not seen", Html.TableRows(Html.Parse(await client.GetStringAsync($"/people/{childId}/casework/visits"))).Single()[1]);

        // A social worker does not see the team performance view.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/casework/performance")).StatusCode);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_team_manager_sees_the_weekly_figures_and_a_child_on_a_plan_with_a_missed_visit(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var childId = await ChildAsync(factory, "Petra");
        var today = UkTime.Today(factory.Clock);
        var teamId = await TestUsers.WithDbAsync(factory, async db =>
        {
            var manager = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "team.manager");
            var episode = new NeedEpisode { PersonId = childId, ReferralDate = today.AddDays(-90), ReferralSource = "1A", PrimaryNeedCode = "N1", CreatedAt = factory.Clock.GetUtcNow().AddDays(-90) };
            episode.ProtectionPlans.Add(new ProtectionPlan { EpisodeId = episode.Id, StartDate = today.AddDays(-60), InitialCategory = "NEG", LatestCategory = "NEG" });
            episode.Allocations.Add(new CaseAllocation { EpisodeId = episode.Id, PersonId = childId, TeamId = manager.TeamId!.Value, WorkerId = manager.Id, From = factory.Clock.GetUtcNow().AddDays(-60), AllocatedByName = "Tariq Manager" });
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.Add(episode);
                await db.SaveChangesAsync();
            }

            return manager.TeamId!.Value;
        });
        using var manager = await factory.SignInAsync("team.manager");

        var page = Html.Parse(await manager.GetStringAsync($"/casework/performance?TeamId={teamId}&Weeks=4"));
        var table = page.QuerySelector($"table[data-team='{teamId}']")!;
        Assert.Equal(4, table.QuerySelectorAll("tbody tr").Length);
        Assert.NotNull(table.QuerySelector("caption"));
        Assert.All(table.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        // For the chosen team, each measure by worker: a column per worker allocated now, with scope headers.
        var byWorker = page.QuerySelector("table[data-worker-measure='CpVisits']")!;
        Assert.Equal("Child protection visits on time, by worker", byWorker.QuerySelector("caption")!.TextContent.Trim());
        Assert.All(byWorker.QuerySelectorAll("thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));
        Assert.All(byWorker.QuerySelectorAll("tbody th"), th => Assert.Equal("row", th.GetAttribute("scope")));
        Assert.Equal(4, byWorker.QuerySelectorAll("tbody tr").Length);
        var managerId = await TestUsers.WithDbAsync(factory, db => db.Users.Where(u => u.UserName == "team.manager").Select(u => u.Id).SingleAsync());
        var column = byWorker.QuerySelectorAll("thead th").Select(th => th.GetAttribute("data-worker")).ToList().IndexOf(managerId.ToString());
        Assert.Equal("Tariq Manager", byWorker.QuerySelectorAll("thead th")[column].TextContent.Trim());
        Assert.All(byWorker.QuerySelectorAll("tbody tr"), r => Assert.Equal(byWorker.QuerySelectorAll("thead th").Length, r.Children.Length));
        Assert.Equal(4, page.QuerySelectorAll("table[data-worker-measure]").Length); // one table per measure
        Assert.Empty(Html.Parse(await manager.GetStringAsync("/casework/performance?Weeks=4")).QuerySelectorAll("table[data-worker-measure]"));

        var behind = page.QuerySelector("[data-testid='behind']")!;
        var row = behind.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/people/{childId}/casework']") is not null);
        Assert.Contains("Child protection visit", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Tariq Manager", row.TextContent, StringComparison.Ordinal);
        Assert.True(await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AnyAsync(e => e.EntityType == "Person" && e.EntityId == childId.ToString() && e.Process == "Casework.TeamPerformance")));
    }
}
