using System.Net;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.People;

/// <summary>Restricting a record to named users and lifting the restriction on its page: who may see it, why, by whom, audited.</summary>
public class RestrictionPageTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static async Task<Guid> NewChildAsync(SafeguardWebFactory factory)
    {
        var child = new Person
        {
            Kind = PersonKind.Child,
            DisplayName = "Restricted " + Guid.NewGuid().ToString("N")[..6],
            Sex = "F",
            DateOfBirth = new DateOnly(2015, 3, 1),
            CreatedAt = factory.Clock.GetUtcNow(),
        };
        return await TestUsers.WithDbAsync(factory, async db =>
        {
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.Add(child);
                await db.SaveChangesAsync();
            }

            return child.Id;
        });
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_manager_restricts_a_record_to_named_users_and_lifts_it_again(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var childId = await NewChildAsync(factory);
        var manager = await TestUsers.CreateAsync(factory, Roles.TeamManager);
        var named = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        var other = await TestUsers.CreateAsync(factory, Roles.SocialWorker);
        using var managerClient = await factory.SignInAsync(manager);
        using var namedClient = await factory.SignInAsync(named);
        using var otherClient = await factory.SignInAsync(other);
        var url = $"/people/{childId}/restriction";
        Assert.Contains(url, await managerClient.GetStringAsync($"/people/{childId}"), StringComparison.Ordinal);

        var first = Html.Value(Html.Parse(await managerClient.GetStringAsync(url)), "Version")!;
        using var restricted = await SafeguardWebFactory.PostFormAsync(managerClient, url, new()
        {
            ["Action"] = "restrict",
            ["Users"] = named.UserName,
            ["Reason"] = "Relative of a member of staff",
            ["Version"] = first,
        });
        Assert.Equal(HttpStatusCode.Redirect, restricted.StatusCode);

        var page = Html.Parse(await managerClient.GetStringAsync(url));
        Assert.Equal("Restricted record", Html.Text(page, "[data-testid='status']"));
        var list = Html.Text(page, "[data-testid='access-list']");
        Assert.Contains(named.DisplayName, list, StringComparison.Ordinal);
        Assert.Contains(manager.DisplayName, list, StringComparison.Ordinal);
        var change = Html.Text(page, "[data-testid='history'] tbody tr");
        Assert.Contains("Restricted", change, StringComparison.Ordinal);
        Assert.Contains(manager.DisplayName, change, StringComparison.Ordinal);
        Assert.Contains("Relative of a member of staff", change, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await namedClient.GetAsync($"/people/{childId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/people/{childId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync(url)).StatusCode);

        var version = Html.Value(page, "Version")!;
        using var lifted = await SafeguardWebFactory.PostFormAsync(managerClient, url, new()
        {
            ["Action"] = "lift",
            ["Users"] = "",
            ["Reason"] = "No longer needed",
            ["Version"] = version,
        });
        Assert.Equal(HttpStatusCode.Redirect, lifted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await otherClient.GetAsync($"/people/{childId}")).StatusCode);
        var history = Html.TableRows(Html.Parse(await managerClient.GetStringAsync(url)).QuerySelector("[data-testid='history']") is { } table ? Html.Parse(table.OuterHtml) : throw new Xunit.Sdk.XunitException("No history"));
        Assert.Equal(["Restriction lifted", "Restricted"], history.Select(r => r[1]).ToArray());

        var audited = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Process == RecordRestriction.Process && e.EntityType == "Person" && e.EntityId == childId.ToString())
            .OrderBy(e => e.Sequence).Select(e => new { e.ActorUserId, e.Reason }).ToListAsync());
        Assert.Equal([(manager.Id, "Relative of a member of staff"), (manager.Id, "No longer needed")], audited.Select(a => (a.ActorUserId!.Value, a.Reason!)).ToArray());
    }

    [Fact]
    public async Task An_unknown_user_name_or_no_reason_is_refused_beside_its_field()
    {
        var factory = await factories.ForAsync(DatabaseProvider.Sqlite);
        var childId = await NewChildAsync(factory);
        using var client = await factory.SignInAsync("team.manager");
        var url = $"/people/{childId}/restriction";
        var version = Html.Value(Html.Parse(await client.GetStringAsync(url)), "Version")!;

        using var response = await SafeguardWebFactory.PostFormAsync(client, url, new() { ["Action"] = "restrict", ["Users"] = "no.such.person", ["Reason"] = "", ["Version"] = version });
        var page = await Html.ReadAsync(response);
        Assert.Equal([("Say why the record's access is being changed", "Reason")], Html.ErrorSummary(page).Select(e => (e.Message, e.Target)).ToArray());
        Html.AssertErrorSummaryLinksResolve(page);

        using var unknown = await SafeguardWebFactory.PostFormAsync(client, url, new() { ["Action"] = "restrict", ["Users"] = "no.such.person", ["Reason"] = "Staff relative", ["Version"] = version });
        page = await Html.ReadAsync(unknown);
        Assert.Equal([("There is no user called 'no.such.person'", "Users")], Html.ErrorSummary(page).Select(e => (e.Message, e.Target)).ToArray());
        Assert.False(await TestUsers.WithDbAsync(factory, db => db.People.Where(p => p.Id == childId).Select(p => p.IsRestricted).SingleAsync()));
    }
}
