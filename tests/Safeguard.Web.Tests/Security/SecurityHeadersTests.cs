using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Safeguard.DemoData;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Web.Infrastructure;
using Safeguard.Web.Tests.Authorization;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Security;

/// <summary>
/// Every response carries the security headers: each endpoint of the role matrix signed out and as a role that may
/// use it, the public pages, files, errors and the API; no page has inline script or style (which the
/// Content-Security-Policy would block); cookies are Secure over HTTPS, directly or through a trusted proxy.
/// </summary>
public partial class SecurityHeadersTests(WebFactories factories) : IClassFixture<WebFactories>
{
    private static readonly string[] PublicUrls =
    [
        "/account/sign-in", "/cookies", "/accessibility", "/health", "/css/app.css", "/js/govuk-init.js",
        "/lib/govuk-frontend/govuk-frontend.min.js", "/no-such-page", "/error/404", "/api/v1/no-such-thing",
    ];

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>|<style[\\s>]|\\sstyle=\"|\\son[a-z]+=\"|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScriptOrStyle();

    private static void Check(HttpResponseMessage response, string body, string what, List<string> problems)
    {
        foreach (var (name, value) in SecurityHeaders.Values)
        {
            var sent = response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values)
                : null;
            if (sent != value)
            {
                problems.Add($"{what}: {name} is '{sent}', expected '{value}'");
            }
        }

        if (response.Headers.Contains("Server"))
        {
            problems.Add($"{what}: sends Server: {string.Join(" ", response.Headers.GetValues("Server"))}");
        }

        if (response.Content.Headers.ContentType?.MediaType == "text/html" && InlineScriptOrStyle().Match(body) is { Success: true } inline)
        {
            problems.Add($"{what}: inline script or style '{inline.Value}'");
        }
    }

    [Fact]
    public async Task Every_route_of_the_role_matrix_and_every_public_page_sends_the_security_headers()
    {
        var factory = await factories.ForAsync(DatabaseProvider.Sqlite);
        var endpoints = RoleMatrixTests.ProtectedEndpoints(factory.Services);
        var problems = new List<string>();
        var checkedResponses = 0;

        async Task CheckAsync(HttpClient client, string method, string url, string who)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            using var response = await client.SendAsync(request);
            Check(response, await response.Content.ReadAsStringAsync(), $"{who} {method} {url} ({(int)response.StatusCode})", problems);
            checkedResponses++;
        }

        using (var signedOut = factory.NewClient())
        {
            foreach (var endpoint in endpoints)
            {
                await CheckAsync(signedOut, endpoint.Method, endpoint.Url, "signed out");
            }

            foreach (var url in PublicUrls)
            {
                await CheckAsync(signedOut, "GET", url, "signed out");
            }
        }

        // Each endpoint as a role that may use it (so the page itself answers), and as one that may not (403).
        var allowedSeen = new HashSet<string>();
        foreach (var demo in DemoSeeder.Users)
        {
            var role = Roles.Find(demo.Role)!;
            using var client = await factory.SignInAsync(demo.UserName);
            foreach (var endpoint in endpoints)
            {
                var allowed = role.Permissions.Any(p => p.Name == endpoint.Permission);
                if (allowed ? allowedSeen.Add(endpoint.Url + endpoint.Method) : demo.Role == Roles.Scrutiny)
                {
                    await CheckAsync(client, endpoint.Method, endpoint.Url, demo.UserName);
                }
            }

            await CheckAsync(client, "GET", "/no-such-page", demo.UserName);
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(40)) + $"\n({problems.Count} problems)");
        Assert.True(allowedSeen.Count == endpoints.Select(e => e.Url + e.Method).Distinct().Count(), "Every endpoint was tried by a role that may use it.");
        Assert.True(checkedResponses > 2 * endpoints.Count, $"Only {checkedResponses} responses checked.");
    }

    [Fact]
    public async Task The_server_does_not_name_itself()
    {
        var factory = await factories.ForAsync(DatabaseProvider.Sqlite);

        Assert.False(factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static async Task<HttpResponseMessage> SignInPostAsync(HttpClient client, TestUser user)
    {
        var page = await client.GetStringAsync("/account/sign-in");
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.UserName"] = user.UserName,
            ["Input.Password"] = TestUsers.Password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync("/account/sign-in", content);
    }

    [Fact]
    public async Task Cookies_are_Secure_over_https_and_not_over_plain_http_without_a_trusted_proxy()
    {
        var factory = await factories.ForAsync(DatabaseProvider.Sqlite);
        var user = await TestUsers.CreateAsync(factory, Roles.Scrutiny, withAuthenticator: false);

        using var https = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });
        using (var signedIn = await SignInPostAsync(https, user))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            var cookies = SetCookies(signedIn).ToList();
            Assert.Contains(cookies, c => c.StartsWith(WebSetup.AuthCookie + "=", StringComparison.Ordinal));
            Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        }

        using var http = factory.NewClient();
        using var page = await http.GetAsync("/account/sign-in");
        var antiforgery = Assert.Single(SetCookies(page), c => c.StartsWith(WebSetup.AntiforgeryCookie, StringComparison.Ordinal));
        Assert.DoesNotContain("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        // Without a trusted proxy, a client claiming HTTPS in X-Forwarded-Proto is not believed.
        var forwarded = await factory.Server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/account/sign-in";
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.5");
        });
        Assert.DoesNotContain("secure", string.Join(";", forwarded.Response.Headers.SetCookie.ToArray()), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_cookies_are_Secure_and_plain_http_is_redirected_to_https()
    {
        var factory = await factories.ForAsync(DatabaseProvider.Sqlite);
        await using var behindProxy = factory.WithWebHostBuilder(b => b
            .UseSetting(TransportSecurity.KnownProxiesKey, "10.0.0.5")
            .UseSetting(TransportSecurity.HttpsRedirectionKey, "true"));
        var server = behindProxy.Server;

        var viaProxy = await server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/account/sign-in";
            c.Request.Host = new Microsoft.AspNetCore.Http.HostString("safeguard.example.org");
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.5");
        });
        Assert.Equal(200, viaProxy.Response.StatusCode);
        var antiforgery = Assert.Single(viaProxy.Response.Headers.SetCookie.ToArray(), c => c!.StartsWith(WebSetup.AntiforgeryCookie, StringComparison.Ordinal));
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=", viaProxy.Response.Headers.StrictTransportSecurity.ToString(), StringComparison.Ordinal);

        var plain = await server.SendAsync(c =>
        {
            c.Request.Method = "GET";
            c.Request.Path = "/account/sign-in";
            c.Request.Host = new Microsoft.AspNetCore.Http.HostString("safeguard.example.org");
            c.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.5");
        });
        Assert.Equal(307, plain.Response.StatusCode);
        Assert.StartsWith("https://safeguard.example.org/account/sign-in", plain.Response.Headers.Location.ToString(), StringComparison.Ordinal);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, plain.Response.Headers.ContentSecurityPolicy.ToString());
    }
}
