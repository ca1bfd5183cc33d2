using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.ApiClients;
using Safeguard.Auditing;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Api;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.FrontDoor;

/// <summary>Partner systems on the API with keys: submitting and reading contacts, refused keys, and the key pages.</summary>
public class ApiKeyTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static async Task<CreatedApiClient> KeyAsync(SafeguardWebFactory factory, string agency, params string[] permissions)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ApiClientAdministration>()
            .CreateAsync(new NewApiClient("System " + Guid.NewGuid().ToString("N")[..6], agency, permissions), Actor.System("test set-up"));
    }

    private static HttpClient WithKey(SafeguardWebFactory factory, string key)
    {
        var client = factory.NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private static ContactSubmission Submission(SafeguardWebFactory factory, string family) => new(
        factory.Clock.GetUtcNow().AddMinutes(-10), "DC Sam Vimes", "CID", "6", "Found alone at night near the canal", "Sought", null,
        [new ContactSubmissionChild(null, "Eve", family, "2013-05-05", "F", null, null)]);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_key_submits_a_contact_for_its_agency_reads_it_back_and_is_the_audited_actor(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var key = await KeyAsync(factory, "POLICE", "contacts.submit");
        using var client = WithKey(factory, key.Key);
        var family = "Api" + Guid.NewGuid().ToString("N")[..6];

        using var created = await client.PostAsJsonAsync("/api/v1/contacts", Submission(factory, family), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var summary = (await created.Content.ReadFromJsonAsync<ContactSummary>(TestContext.Current.CancellationToken))!;
        Assert.Equal($"Eve {family}", Assert.Single(summary.Children).Name);
        Assert.NotNull(summary.Children[0].PersonId);
        Assert.Null(summary.Decision);
        using var read = await client.GetAsync(created.Headers.Location, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var contact = await TestUsers.WithDbAsync(factory, db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == summary.Id));
        Assert.Equal(key.Client.AgencyId, contact.FromAgencyId);
        var audit = await TestUsers.WithDbAsync(factory, db => db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityId == summary.Id.ToString() && e.Process == "FrontDoor.SubmitContact"));
        Assert.Equal(key.Client.AgencyId, audit.ActorAgencyId);
        Assert.Null(audit.ActorUserId);
        Assert.StartsWith(key.Client.Name + " (API client", audit.ActorName, StringComparison.Ordinal);

        // The same child named again by id, as the agency now knows it.
        var again = Submission(factory, family) with { Children = [new ContactSubmissionChild(summary.Children[0].PersonId, null, null, null, null, null, null)] };
        using var second = await client.PostAsJsonAsync("/api/v1/contacts", again, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);

        // Bad input answers 400 naming the field; another agency's key does not find the contact.
        using var bad = await client.PostAsJsonAsync("/api/v1/contacts", Submission(factory, family) with { ReceivedAt = factory.Clock.GetUtcNow().AddDays(1), Consent = "Refused" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var problems = JsonDocument.Parse(await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var errors = problems.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("receivedAt", out _) && errors.TryGetProperty("consentReason", out _), errors.ToString());
        var health = await KeyAsync(factory, "ICB", "contacts.submit");
        using var healthClient = WithKey(factory, health.Key);
        Assert.Equal(HttpStatusCode.NotFound, (await healthClient.GetAsync(created.Headers.Location, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_unknown_or_revoked_key_gets_401_and_a_key_without_the_permission_403(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var key = await KeyAsync(factory, "POLICE", "contacts.submit");
        var narrow = await KeyAsync(factory, "POLICE", "service.use");
        var family = "Refused" + Guid.NewGuid().ToString("N")[..6];

        using (var unknown = WithKey(factory, "sgk_00000000_not-a-real-key"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await unknown.PostAsJsonAsync("/api/v1/contacts", Submission(factory, family), TestContext.Current.CancellationToken)).StatusCode);
        }

        using (var limited = WithKey(factory, narrow.Key))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await limited.PostAsJsonAsync("/api/v1/contacts", Submission(factory, family), TestContext.Current.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await limited.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode);
            // A key opens the API only: pages still want a signed-in person.
            Assert.Equal(HttpStatusCode.Redirect, (await limited.GetAsync("/", TestContext.Current.CancellationToken)).StatusCode);
        }

        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApiClientAdministration>().RevokeAsync(key.Client.Id, "Leaked in an email", Actor.System("test"));
        }

        using var revoked = WithKey(factory, key.Key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await revoked.PostAsJsonAsync("/api/v1/contacts", Submission(factory, family), TestContext.Current.CancellationToken)).StatusCode);
        Assert.False(await TestUsers.WithDbAsync(factory, db => db.People.AnyAsync(p => p.DisplayName == "Eve " + family)));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_administrator_creates_a_key_seen_once_lists_it_by_prefix_and_revokes_it(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var admin = await factory.SignInAsync("admin");
        var name = "Schools MIS " + Guid.NewGuid().ToString("N")[..6];

        using var refused = await SafeguardWebFactory.PostFormAsync(admin, "/admin/api-keys/new", new() { ["Input.Name"] = name, ["Input.Agency"] = "POLICE" });
        Assert.Equal("Select at least one permission", Html.ErrorSummary(await Html.ReadAsync(refused)).Single().Message);
        using var created = await SafeguardWebFactory.PostFormAsync(admin, "/admin/api-keys/new",
            [new("Input.Name", name), new("Input.Agency", "POLICE"), new("Input.Permissions", "contacts.submit")]);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var page = await Html.ReadAsync(created);
        var key = Html.Text(page, "#api-key");
        Assert.Matches(new Regex("^sgk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$"), key);

        var list = await admin.GetStringAsync("/admin/api-keys");
        Assert.Contains(key[..ApiClient.PrefixLength], list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);
        var id = await TestUsers.WithDbAsync(factory, db => db.ApiClients.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());
        using var revoked = await SafeguardWebFactory.PostFormAsync(admin, $"/admin/api-keys/{id}/revoke", new() { ["Reason"] = "No longer used" });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        using var client = WithKey(factory, key);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_openapi_document_describes_the_contact_endpoints(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("partner");
        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken));
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/contacts", out var contacts) && contacts.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/contacts/{id}", out var one) && one.TryGetProperty("get", out _));
    }
}
