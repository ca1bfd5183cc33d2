using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Security;

/// <summary>The API refuses as an API: 400, 401, 403 and 404 as problem+json, 401 with WWW-Authenticate, never an HTML page.</summary>
public class ApiProblemTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<html", body, StringComparison.OrdinalIgnoreCase);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Refusals_are_problem_json_with_WWW_Authenticate_on_401(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);

        using var anonymous = factory.NewClient();
        using (var noCredentials = await anonymous.GetAsync("/api/v1/me"))
        {
            await AssertProblemAsync(noCredentials, HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", Assert.Single(noCredentials.Headers.WwwAuthenticate).Scheme);
        }

        using var badKey = factory.NewClient();
        badKey.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sg_not-a-real-key");
        using (var refused = await badKey.GetAsync("/api/v1/me"))
        {
            var problem = await AssertProblemAsync(refused, HttpStatusCode.Unauthorized);
            var challenge = Assert.Single(refused.Headers.WwwAuthenticate);
            Assert.Equal("Bearer", challenge.Scheme);
            Assert.Contains("error=\"invalid_token\"", challenge.Parameter, StringComparison.Ordinal);
            Assert.Contains("revoked", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        using var scrutiny = await factory.SignInAsync("scrutiny");
        await AssertProblemAsync(await scrutiny.GetAsync("/api/v1/agencies"), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await scrutiny.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);

        using var worker = await factory.SignInAsync("social.worker");
        await AssertProblemAsync(await worker.GetAsync($"/api/v1/people/{Guid.NewGuid()}/chronology"), HttpStatusCode.NotFound);

        // A body that is not JSON is a 400 in the same form, with no .NET message in it.
        using var partner = await factory.SignInAsync("partner");
        using var notJson = new StringContent("{\"children\": 5", System.Text.Encoding.UTF8, "application/json");
        var bad = await AssertProblemAsync(await partner.PostAsync("/api/v1/contacts", notJson), HttpStatusCode.BadRequest);
        Assert.DoesNotContain("System.", bad.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_keep_their_GOV_UK_error_pages()
    {
        var factory = await factories.ForAsync(DatabaseProvider.Sqlite);
        using var scrutiny = await factory.SignInAsync("scrutiny");

        using var forbidden = await scrutiny.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("text/html", forbidden.Content.Headers.ContentType?.MediaType);
        using var missing = await scrutiny.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
