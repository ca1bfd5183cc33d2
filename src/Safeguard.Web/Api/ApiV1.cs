using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Api;

/// <summary>The JSON API, version 1 (<c>/api/v1</c>), described at <c>/api/v1/openapi.json</c>.</summary>
public static class ApiV1
{
    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Safeguard");

        api.MapGet("/me", Me)
            .WithName("GetCurrentUser")
            .WithSummary("The signed-in user, their agency and permissions")
            .RequireAuthorization(PermissionPolicy.For(Permissions.UseService));

        api.MapGet("/agencies", ListAgencies)
            .WithName("ListAgencies")
            .WithSummary("The partnership's agencies")
            .RequireAuthorization(PermissionPolicy.For(Permissions.ManageOrganisations));

        return app;
    }

    private static Ok<CurrentUser> Me(ClaimsPrincipal user) => TypedResults.Ok(new CurrentUser(
        user.Identity?.Name ?? "",
        user.FindFirstValue(SafeguardClaimTypes.DisplayName) ?? "",
        Guid.TryParse(user.FindFirstValue(SafeguardClaimTypes.AgencyId), out var agency) ? agency : null,
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal)],
        [.. user.FindAll(SafeguardClaimTypes.Permission).Select(c => c.Value).Distinct().Order(StringComparer.Ordinal)]));

    private static async Task<Ok<List<AgencySummary>>> ListAgencies(SafeguardDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Agencies.AsNoTracking()
            .OrderBy(a => a.Name)
            .Select(a => new AgencySummary(a.Id, a.Code, a.Name, a.Type.ToString(), a.StatutoryPartner.HasValue ? a.StatutoryPartner.Value.ToString() : null, a.IsActive))
            .ToListAsync(cancellationToken));
}

public sealed record CurrentUser(string UserName, string DisplayName, Guid? AgencyId, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);

public sealed record AgencySummary(Guid Id, string Code, string Name, string Type, string? StatutoryPartner, bool IsActive);
