using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Tests.Authorization;

/// <summary>The start-up check that every endpoint is [Public] or needs a permission (deny by default).</summary>
public class EndpointAuthorizationCheckTests
{
    private static RouteEndpoint Endpoint(string route, params object[] metadata)
    {
        var builder = new RouteEndpointBuilder(_ => Task.CompletedTask, RoutePatternFactory.Parse(route), 0) { DisplayName = "endpoint " + route };
        foreach (var item in metadata)
        {
            builder.Metadata.Add(item);
        }

        return (RouteEndpoint)builder.Build();
    }

    private static IReadOnlyList<string> Check(params Endpoint[] endpoints) =>
        EndpointAuthorizationCheck.FindUndeclared([new DefaultEndpointDataSource(endpoints)]);

    [Fact]
    public void An_endpoint_declaring_nothing_is_reported_by_its_route()
    {
        var problems = Check(Endpoint("/fine", new PublicAttribute()), Endpoint("/reports/{id:guid}"));

        var problem = Assert.Single(problems);
        Assert.Contains("/reports/{id:guid}", problem, StringComparison.Ordinal);
        Assert.Contains("neither [Public] nor [RequirePermission]", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Public_and_permission_endpoints_pass()
    {
        Assert.Empty(Check(
            Endpoint("/cookies", new PublicAttribute()),
            Endpoint("/admin/users", new RequirePermissionAttribute("admin.users")),
            Endpoint("/api/v1/me", new AuthorizeAttribute(PermissionPolicy.For("service.use")))));
    }

    [Fact]
    public void An_endpoint_both_public_and_needing_a_permission_is_reported()
    {
        var problem = Assert.Single(Check(Endpoint("/confused", new PublicAttribute(), new RequirePermissionAttribute("admin.users"))));

        Assert.Contains("/confused", problem, StringComparison.Ordinal);
        Assert.Contains("marked public and also needs a permission", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_authorize_or_allow_anonymous_is_not_enough()
    {
        var problems = Check(
            Endpoint("/signed-in-only", new AuthorizeAttribute()),
            Endpoint("/anonymous", new AllowAnonymousAttribute()),
            Endpoint("/sneaky", new RequirePermissionAttribute("admin.users"), new AllowAnonymousAttribute()));

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("/signed-in-only", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("/anonymous", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("endpoint /sneaky", StringComparison.Ordinal) && p.Contains("allows anonymous access", StringComparison.Ordinal));
    }

    [Fact]
    public void Starting_with_an_undeclared_endpoint_is_refused_naming_it()
    {
        var failure = Assert.Throws<InvalidOperationException>(() =>
            EndpointAuthorizationCheck.EnsureEveryEndpointIsDeclared([new DefaultEndpointDataSource(Endpoint("/forgotten"))]));

        Assert.Contains("/forgotten", failure.Message, StringComparison.Ordinal);
        Assert.Contains("will not start", failure.Message, StringComparison.Ordinal);
    }
}
