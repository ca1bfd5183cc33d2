using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Safeguard.DemoData;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Api;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Api;

/// <summary>The JSON API (v1), its OpenAPI description and the health endpoint.</summary>
public class ApiAndHealthTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Me_returns_the_signed_in_users_roles_and_permissions(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("team.manager");

        using var response = await client.GetAsync("/api/v1/me");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var me = (await response.Content.ReadFromJsonAsync<CurrentUser>(Json))!;
        Assert.Equal("team.manager", me.UserName);
        Assert.Equal("Tariq Manager", me.DisplayName);
        Assert.NotNull(me.AgencyId);
        Assert.Equal([Roles.TeamManager], me.Roles);
        Assert.Equal(Roles.Find(Roles.TeamManager)!.Permissions.Select(p => p.Name).Order(StringComparer.Ordinal), me.Permissions);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Agencies_are_refused_to_a_social_worker_and_listed_for_an_administrator(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var socialWorker = await factory.SignInAsync("social.worker");
        using var admin = await factory.SignInAsync("admin");

        using var refused = await socialWorker.GetAsync("/api/v1/agencies");
        using var listed = await admin.GetAsync("/api/v1/agencies");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var agencies = (await listed.Content.ReadFromJsonAsync<List<AgencySummary>>(Json))!;
        foreach (var demo in DemoSeeder.Agencies)
        {
            var agency = Assert.Single(agencies, a => a.Code == demo.Code);
            Assert.Equal("Testshire " + demo.Name, agency.Name);
            Assert.Equal(demo.Type.ToString(), agency.Type);
            Assert.Equal(demo.Partner?.ToString(), agency.StatutoryPartner);
            Assert.True(agency.IsActive);
        }

        Assert.Equal(agencies.Select(a => a.Name).Order(StringComparer.Ordinal), agencies.Select(a => a.Name));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_OpenAPI_document_describes_the_v1_endpoints(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = await factory.SignInAsync("partner");

        using var response = await client.GetAsync("/api/v1/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/me", out _), "The OpenAPI document has no /api/v1/me.");
        Assert.True(paths.TryGetProperty("/api/v1/agencies", out _), "The OpenAPI document has no /api/v1/agencies.");
        Assert.DoesNotContain(paths.EnumerateObject(), p => !p.Name.StartsWith("/api/v1/", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Health_answers_anyone_with_the_database_check(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = factory.NewClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", document.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", document.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}
