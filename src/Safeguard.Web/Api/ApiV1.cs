using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Safeguard.Identity;
using Safeguard.People;
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

        api.MapGet("/people", SearchPeople)
            .WithName("SearchPeople")
            .WithSummary("Search the person index by name, date of birth (yyyy-MM-dd), UPN or NHS number; the search is audited and restricted records are left out")
            .RequireAuthorization(PermissionPolicy.For(Permissions.ViewPeople));

        api.MapGet("/people/{id:guid}/chronology", Chronology)
            .WithName("GetChronology")
            .WithSummary("A child's chronology from every area, newest first, optionally filtered by kind and agency; the view is audited and a restricted record the caller may not see answers 404")
            .RequireAuthorization(PermissionPolicy.For(Permissions.ViewChildRecords));

        return app;
    }

    private static async Task<Results<Ok<List<Chronology.ChronologyEntry>>, NotFound>> Chronology(
        Chronology.ChronologyService chronology, ClaimsPrincipal user, Guid id, string[]? kind, Guid[]? agency, CancellationToken cancellationToken)
    {
        var entries = await chronology.ForPersonAsync(id, new Chronology.ChronologyFilter(kind, agency), Auditing.Actor.FromPrincipal(user), cancellationToken);
        return entries is null ? TypedResults.NotFound() : TypedResults.Ok(entries.ToList());
    }

    private static async Task<Results<Ok<List<PersonSearchResult>>, ValidationProblem>> SearchPeople(
        PersonIndex index, ClaimsPrincipal user, string? name, string? dateOfBirth, string? upn, string? nhsNumber, CancellationToken cancellationToken)
    {
        DateOnly? dob = null;
        if (!string.IsNullOrWhiteSpace(dateOfBirth))
        {
            if (!DateOnly.TryParseExact(dateOfBirth.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dateOfBirth"] = ["The date of birth must be a date like 2019-03-27"] });
            }

            dob = parsed;
        }

        try
        {
            var found = await index.SearchAsync(new PersonSearch(name, dob, upn, nhsNumber), Auditing.Actor.FromPrincipal(user), cancellationToken);
            return TypedResults.Ok(found.Select(p => new PersonSearchResult(
                p.Id, p.Kind.ToString(), p.Name, p.DateOfBirth, p.ExpectedDateOfBirth, p.Sex, p.Upn, p.NhsNumber, p.CouncilChildId, p.Postcode)).ToList());
        }
        catch (Common.SafeguardValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Problems
                .GroupBy(p => p.Field.Length == 0 ? "" : char.ToLowerInvariant(p.Field[0]) + p.Field[1..])
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }
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

public sealed record PersonSearchResult(
    Guid Id, string Kind, string Name, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, string Sex, string? Upn, string? NhsNumber, string? CouncilChildId, string? Postcode);
