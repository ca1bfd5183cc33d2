using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.DemoData;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Testing;
using Safeguard.Web.Authorization;
using Safeguard.Web.Tests.Support;

namespace Safeguard.Web.Tests.Authorization;

/// <summary>
/// Every endpoint of the running app that needs a permission, tried signed out and as each demo role:
/// signed out is sent to sign in (or 401 for the API), a role without the permission gets 403, a role with
/// it gets through. The endpoints come from the app itself, so a new page is checked without being listed.
/// </summary>
public class RoleMatrixTests(WebFactories factories) : IClassFixture<WebFactories>
{
    public sealed record ProtectedEndpoint(string Url, string Method, string Permission, string Name);

    /// <summary>The endpoints that need a permission, each with a URL a request can be sent to.</summary>
    public static IReadOnlyList<ProtectedEndpoint> ProtectedEndpoints(IServiceProvider services)
    {
        var endpoints = services.GetRequiredService<EndpointDataSource>().Endpoints;
        var result = new List<ProtectedEndpoint>();
        foreach (var endpoint in endpoints)
        {
            var permissions = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => PermissionPolicy.PermissionOf(a.Policy))
                .OfType<string>()
                .Distinct()
                .ToList();
            if (permissions.Count == 0)
            {
                continue;
            }

            var route = Assert.IsType<RouteEndpoint>(endpoint, exactMatch: false);
            var permission = Assert.Single(permissions);
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            var method = methods is null || methods.Count == 0 || methods.Contains("GET") ? "GET" : methods[0];
            result.Add(new ProtectedEndpoint(UrlFor(route.RoutePattern, endpoint.DisplayName), method, permission, endpoint.DisplayName ?? route.RoutePattern.RawText ?? "?"));
        }

        return result;
    }

    /// <summary>A concrete URL for a route pattern; fails, naming the route, when a parameter cannot be filled in.</summary>
    public static string UrlFor(RoutePattern pattern, string? name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                text += part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => ValueFor(parameter, pattern, name),
                    _ => throw new Xunit.Sdk.XunitException($"Route {pattern.RawText} ({name}) has a part the role matrix cannot fill in."),
                };
            }

            if (text.Length > 0)
            {
                segments.Add(text);
            }
        }

        return "/" + string.Join('/', segments);
    }

    private static string ValueFor(RoutePatternParameterPart parameter, RoutePattern pattern, string? name)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content).ToList();
        if (constraints.Contains("guid"))
        {
            return Guid.NewGuid().ToString();
        }

        if (constraints.Contains("int") || constraints.Contains("long"))
        {
            return "1";
        }

        if (parameter.IsOptional && constraints.Count == 0)
        {
            return "";
        }

        throw new Xunit.Sdk.XunitException(
            $"Route {pattern.RawText} ({name}): the role matrix does not know a value for parameter '{parameter.Name}' " +
            $"with constraints [{string.Join(", ", constraints)}]. Teach RoleMatrixTests.ValueFor about it.");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, ProtectedEndpoint endpoint)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url);
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_matrix_covers_the_admin_pages_the_api_and_the_home_page()
    {
        var factory = await factories.ForAsync(DatabaseProvider.Sqlite);

        var endpoints = ProtectedEndpoints(factory.Services);

        var urls = endpoints.Select(e => System.Text.RegularExpressions.Regex.Replace(e.Url, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")).ToHashSet();
        foreach (var expected in new[]
        {
            "/", "/admin/users", "/admin/users/new", "/admin/users/{id}", "/admin/agencies", "/admin/agencies/new",
            "/admin/agencies/{id}", "/admin/teams/{id}", "/admin/audit", "/account/sign-out", "/account/two-factor/setup", "/account/reminders",
            "/api/v1/me", "/api/v1/agencies", "/api/v1/openapi.json", "/returns/cin", "/returns/cin/{id}", "/returns/ssda903", "/returns/ssda903/{id}",
            "/people/{id}/casework", "/people/{id}/casework/referral", "/people/{id}/casework/assessment",
            "/people/{id}/casework/strategy-discussion", "/people/{id}/casework/conference", "/people/{id}/casework/protection-plan",
            "/people/{id}/casework/cin-plan", "/people/{id}/casework/close", "/people/{id}/casework/allocate",
            "/casework/my-work", "/casework/team", "/casework/referrals", "/people/{id}/chronology", "/api/v1/people/{id}/chronology",
            "/front-door", "/front-door/contacts/new", "/front-door/contacts/{id}", "/front-door/contacts/{id}/decide",
            "/front-door/contacts/{id}/requests/new", "/front-door/requests/{id}", "/front-door/sharing", "/front-door/sharing/new",
            "/my-agency", "/my-agency/contacts/new", "/my-agency/contacts/{id}", "/my-agency/requests/{id}",
            "/admin/thresholds", "/admin/api-keys", "/admin/api-keys/new", "/admin/api-keys/{id}/revoke",
            "/api/v1/contacts", "/api/v1/contacts/{id}", "/dataset/indicators/{id}/breakdown", "/dataset/indicators/{id}/breakdown/download",
            "/people/{id}/casework/visits", "/people/{id}/casework/visit/{id}", "/casework/performance",
            "/dataset/dashboard", "/dataset/dashboard/download", "/dataset/exceptions", "/dataset/exceptions/download",
            "/dataset/benchmarks", "/dataset/benchmarks/{id}", "/dataset/regional-return",
            "/missing", "/missing/episodes/{id}", "/missing/episodes/{id}/change", "/missing/episodes/{id}/interview",
            "/people/{id}/missing", "/people/{id}/missing/new", "/my-agency/missing", "/my-agency/missing/new", "/my-agency/missing/{id}",
            "/api/v1/missing-episodes", "/api/v1/missing-episodes/{id}", "/api/v1/missing-episodes/{id}/return",
            "/people/{id}/exploitation", "/people/{id}/exploitation/screening/{id}", "/people/{id}/exploitation/assessment/{id}",
            "/people/{id}/exploitation/safety-plan/{id}", "/people/{id}/exploitation/safety-plan/{id}/action/{id}", "/people/{id}/exploitation/nrm/{id}",
            "/contextual", "/contextual/locations/new", "/contextual/locations/{id}", "/contextual/locations/{id}/change",
            "/contextual/groups/new", "/contextual/groups/{id}", "/contextual/groups/{id}/change", "/contextual/links/{id}",
            "/people/{id}/contextual", "/people/{id}/contextual/link",
            "/panels", "/panels/new", "/panels/{id}", "/panels/{id}/minutes", "/panels/cases/{id}", "/panels/actions/{id}",
            "/complex-safeguarding/profile", "/complex-safeguarding/profile/download",
            "/people/{id}/looked-after", "/people/{id}/looked-after/start", "/people/{id}/looked-after/change", "/people/{id}/looked-after/leave",
            "/people/{id}/looked-after/review/{id}", "/people/{id}/looked-after/health", "/people/{id}/looked-after/iro", "/people/{id}/looked-after/adoption/{id}",
            "/people/{id}/looked-after/care-leaver", "/people/{id}/looked-after/care-leaver/plan", "/people/{id}/looked-after/care-leaver/adviser",
            "/people/{id}/looked-after/care-leaver/birthday/1", "/people/{id}/looked-after/wellbeing/1", "/care-leavers", "/people/{id}/looked-after/episode/{id}/correct",
            "/people/{id}/looked-after/uasc", "/people/{id}/looked-after/previous-permanence",
            "/assurance", "/assurance/audits/new", "/assurance/audits/{id}", "/assurance/audits/{id}/moderation", "/assurance/audits/{id}/findings",
            "/assurance/figures", "/my-agency/audits", "/my-agency/audits/{id}",
            "/assurance/self-assessments", "/assurance/self-assessments/{id}", "/assurance/self-assessments/returns/{id}",
            "/assurance/self-assessments/figures", "/my-agency/self-assessments", "/my-agency/self-assessments/{id}",
            "/governance", "/governance/boards/{id}", "/governance/members/{id}", "/governance/meetings/{id}", "/governance/plan", "/governance/figures", "/my-agency/meetings",
            "/assurance/improvement-plan", "/assurance/improvement-plan/{id}", "/assurance/improvement-plan/outcomes/{id}",
            "/assurance/improvement-plan/workstreams/{id}", "/assurance/improvement-plan/{id}/figures", "/my-agency/improvement-plan",
            "/assurance/improvement-plan/outcomes/{id}/change", "/assurance/improvement-plan/workstreams/{id}/change", "/assurance/improvement-plan/actions/{id}/change",
            "/private-fostering", "/private-fostering/{id}", "/private-fostering/{id}/visit", "/private-fostering/{id}/decision",
            "/private-fostering/{id}/end", "/people/{id}/private-fostering/notify", "/returns/annex-a",
            "/early-help", "/early-help/start", "/early-help/{id}", "/early-help/figures", "/my-agency/early-help", "/my-agency/early-help/{id}",
            "/lado", "/lado/allegations/new", "/lado/allegations/{id}", "/lado/allegations/{id}/change", "/lado/allegations/{id}/decision",
            "/lado/allegations/{id}/actions", "/lado/allegations/{id}/close", "/lado/figures", "/lado/subject-access",
            "/training", "/training/courses/new", "/training/courses/{id}", "/training/sessions/{id}", "/training/figures",
            "/my-agency/training", "/my-agency/training/{id}",
            "/my-agency/escalations", "/my-agency/escalations/new", "/my-agency/escalations/{id}", "/my-agency/escalations/{id}/respond",
            "/my-agency/escalations/{id}/escalate", "/my-agency/escalations/{id}/close", "/my-agency/escalations/{id}/change",
            "/my-agency/escalations/{id}/note",
            "/assurance/escalations", "/assurance/escalations/{id}", "/assurance/escalations/figures",
            "/assurance/escalations/{id}/meeting", "/assurance/escalations/{id}/close", "/assurance/escalations/{id}/note",
            "/annual-report", "/annual-report/1", "/annual-report/1/narrative", "/annual-report/1/feedback", "/annual-report/1/funding",
            "/annual-report/feedback/{id}", "/annual-report/funding/{id}",
        })
        {
            Assert.Contains(expected, urls);
        }

        // Every permission a page uses is one the catalogue knows, and more than one permission is exercised.
        Assert.All(endpoints, e => Assert.NotNull(Permissions.Find(e.Permission)));
        Assert.True(endpoints.Select(e => e.Permission).Distinct().Count() >= 4, "The matrix should exercise several permissions.");
    }

    [Fact]
    public async Task The_running_app_declares_every_endpoint_public_or_behind_a_permission()
    {
        var factory = await factories.ForAsync(DatabaseProvider.Sqlite);
        var source = factory.Services.GetRequiredService<EndpointDataSource>();

        Assert.Empty(EndpointAuthorizationCheck.FindUndeclared([source]));
        Assert.Contains(source.Endpoints, e => e.Metadata.GetMetadata<PublicAttribute>() is not null && e is RouteEndpoint { RoutePattern.RawText: "/health" });
    }

    [Fact]
    public void A_route_parameter_the_matrix_cannot_fill_in_fails_naming_the_route()
    {
        var failure = Assert.ThrowsAny<Exception>(() => UrlFor(RoutePatternFactory.Parse("/cases/{reference:alpha}"), "case page"));

        Assert.Contains("/cases/{reference:alpha}", failure.Message, StringComparison.Ordinal);
        Assert.Contains("reference", failure.Message, StringComparison.Ordinal);
        Assert.Equal("/admin/users/1/x", UrlFor(RoutePatternFactory.Parse("admin/users/{n:int}/x"), null));
        Assert.Equal("/error", UrlFor(RoutePatternFactory.Parse("error/{code?}"), null));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Signed_out_requests_are_sent_to_sign_in_or_refused_with_401_for_the_api(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        using var client = factory.NewClient();
        var problems = new List<string>();

        foreach (var endpoint in ProtectedEndpoints(factory.Services))
        {
            using var response = await SendAsync(client, endpoint);
            if (endpoint.Url.StartsWith("/api/", StringComparison.Ordinal))
            {
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    problems.Add($"{endpoint.Method} {endpoint.Url}: {(int)response.StatusCode}, expected 401");
                }
            }
            else
            {
                var location = response.Headers.Location?.OriginalString ?? "";
                var expected = "/account/sign-in?ReturnUrl=" + Uri.EscapeDataString(endpoint.Url);
                if (response.StatusCode != HttpStatusCode.Redirect || !location.EndsWith(expected, StringComparison.Ordinal))
                {
                    problems.Add($"{endpoint.Method} {endpoint.Url}: {(int)response.StatusCode} {location}, expected 302 to {expected}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Each_role_gets_403_without_the_permission_and_through_with_it(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var endpoints = ProtectedEndpoints(factory.Services);
        var problems = new List<string>();
        var checkedAllowed = 0;
        var checkedDenied = 0;

        foreach (var demo in DemoSeeder.Users)
        {
            var role = Roles.Find(demo.Role)!;
            using var client = await factory.SignInAsync(demo.UserName);
            foreach (var endpoint in endpoints)
            {
                using var response = await SendAsync(client, endpoint);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.OriginalString ?? "";
                var allowed = role.Permissions.Any(p => p.Name == endpoint.Permission);
                if (allowed)
                {
                    checkedAllowed++;
                    if (status is 401 or 403 || location.Contains("/account/", StringComparison.Ordinal))
                    {
                        problems.Add($"{role.Name} has {endpoint.Permission} but {endpoint.Method} {endpoint.Url} gave {status} {location}");
                    }
                }
                else
                {
                    checkedDenied++;
                    if (status != 403)
                    {
                        problems.Add($"{role.Name} lacks {endpoint.Permission} but {endpoint.Method} {endpoint.Url} gave {status} {location}, expected 403");
                    }
                    else if (!endpoint.Url.StartsWith("/api/", StringComparison.Ordinal)
                        && !(await response.Content.ReadAsStringAsync()).Contains("You do not have permission to view this page", StringComparison.Ordinal))
                    {
                        problems.Add($"{role.Name}: {endpoint.Url} gave 403 without the GOV.UK no-permission page");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(checkedAllowed > 20 && checkedDenied > 20, $"Too few checks: {checkedAllowed} allowed, {checkedDenied} denied.");
    }

    /// <summary>
    /// The drill-down from a figure: every role that may see the dataset gets the counts; only a role that may
    /// also see children's records gets the children, with a restricted child shown as "Restricted record"
    /// unless the reader is named on it, and the listing audited against each child named.
    /// </summary>
    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_drill_down_names_children_only_to_roles_that_may_see_their_records(DatabaseProvider provider)
    {
        var factory = await factories.ForAsync(provider);
        var unique = Guid.NewGuid().ToString("N")[..6];
        var today = Safeguard.Calendar.UkTime.Today(factory.Clock);
        var (indicatorId, openId, hiddenId, namedId) = await TestUsers.WithDbAsync(factory, async db =>
        {
            var manager = await db.Users.Where(u => u.UserName == "team.manager").Select(u => u.Id).SingleAsync();
            var people = new[] { "Open", "Hidden", "Named" }.Select(n => new Safeguard.People.Person
            {
                Kind = Safeguard.People.PersonKind.Child,
                DisplayName = $"Drill {n}{unique}",
                Sex = "F",
                DateOfBirth = new DateOnly(2016, 1, 1),
                CreatedAt = factory.Clock.GetUtcNow().AddDays(-1),
                IsRestricted = n != "Open",
            }).ToList();
            people[2].AccessList.Add(new Safeguard.People.PersonAccess { PersonId = people[2].Id, UserId = manager });
            using (db.BeginProcess("Test.Seed", Safeguard.Auditing.Actor.System()))
            {
                db.AddRange(people);
                db.AddRange(people.Select(p => new Safeguard.Journey.NeedEpisode
                {
                    PersonId = p.Id,
                    ReferralDate = today,
                    ReferralSource = "1A",
                    PrimaryNeedCode = "N1",
                    CreatedAt = factory.Clock.GetUtcNow().AddMinutes(-5),
                }));
                await db.SaveChangesAsync();
            }

            var id = await db.Set<Safeguard.Dataset.Indicator>().Where(i => i.Code == "5.1").Select(i => i.Id).SingleAsync();
            return (id, people[0].Id, people[1].Id, people[2].Id);
        });
        var quarter = Safeguard.Common.ReportingQuarter.Of(today);
        var url = $"/dataset/indicators/{indicatorId}/breakdown?year={quarter.Year.StartYear}&quarter={quarter.Number}";
        var checkedCounts = 0;
        foreach (var demo in DemoSeeder.Users)
        {
            var role = Roles.Find(demo.Role)!;
            if (!role.Permissions.Contains(Permissions.ViewPartnershipData))
            {
                continue;
            }

            using var client = await factory.SignInAsync(demo.UserName);
            var html = await client.GetStringAsync(url);
            var page = Html.Parse(html);
            Assert.True(int.Parse(page.QuerySelector("[data-testid='denominator']")!.TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 3, demo.UserName);
            checkedCounts++;
            if (role.Permissions.Contains(Permissions.ViewPeople))
            {
                var table = page.QuerySelector("[data-testid='records']")!.TextContent;
                Assert.NotNull(page.QuerySelector($"a[href='/people/{openId}']"));
                Assert.NotNull(page.QuerySelector($"a[href='/people/{namedId}']"));
                Assert.Null(page.QuerySelector($"a[href='/people/{hiddenId}']"));
                Assert.DoesNotContain($"Drill Hidden{unique}", html, StringComparison.Ordinal);
                Assert.Contains("Restricted record", table, StringComparison.Ordinal);
                var audited = await TestUsers.WithDbAsync(factory, async db =>
                {
                    var userId = await db.Users.Where(u => u.UserName == demo.UserName).Select(u => u.Id).SingleAsync();
                    return await db.AuditEvents.AsNoTracking()
                        .Where(e => e.EntityType == "Person" && e.Process == "Dataset.DrillDown" && e.ActorUserId == userId)
                        .Select(e => e.EntityId).ToListAsync();
                });
                Assert.Contains(openId.ToString(), audited);
                Assert.Contains(namedId.ToString(), audited);
                Assert.DoesNotContain(hiddenId.ToString(), audited);
            }
            else
            {
                Assert.Null(page.QuerySelector("[data-testid='records']"));
                Assert.NotNull(page.QuerySelector("[data-testid='counts-only']"));
                Assert.DoesNotContain($"Drill Open{unique}", html, StringComparison.Ordinal);
                Assert.DoesNotContain($"/people/{openId}", html, StringComparison.Ordinal);
            }
        }

        Assert.True(checkedCounts >= 4, "Several roles see the dataset");
    }
}
