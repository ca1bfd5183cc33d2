using Microsoft.AspNetCore.Authorization;

namespace Safeguard.Web.Authorization;

/// <summary>
/// Deny by default, checked at start-up: every endpoint must say either that it is public or which
/// permission it needs. An endpoint that says neither stops the app from starting, naming the endpoint.
/// </summary>
public static class EndpointAuthorizationCheck
{
    public static IReadOnlyList<string> FindUndeclared(IEnumerable<EndpointDataSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var problems = new List<string>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints))
        {
            var metadata = endpoint.Metadata;
            var isPublic = metadata.GetMetadata<PublicAttribute>() is not null;
            var permissions = metadata.GetOrderedMetadata<IAuthorizeData>()
                .Select(a => PermissionPolicy.PermissionOf(a.Policy))
                .Where(p => p is not null)
                .ToList();
            if (isPublic == (permissions.Count > 0))
            {
                var name = endpoint is RouteEndpoint route ? route.RoutePattern.RawText ?? endpoint.DisplayName : endpoint.DisplayName;
                problems.Add(isPublic
                    ? $"{name} is marked public and also needs a permission"
                    : $"{name} declares neither [Public] nor [RequirePermission]");
            }
            else if (!isPublic && metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                problems.Add($"{endpoint.DisplayName} allows anonymous access without being marked [Public]");
            }
        }

        return problems;
    }

    public static void EnsureEveryEndpointIsDeclared(IEnumerable<EndpointDataSource> sources)
    {
        var problems = FindUndeclared(sources);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "Safeguard will not start: every page and endpoint must be public or need a permission.\n  " + string.Join("\n  ", problems));
        }
    }
}
