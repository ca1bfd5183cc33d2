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

        api.MapPost("/contacts", SubmitContact)
            .WithName("SubmitContact")
            .WithSummary("Submit a contact to the front door for the caller's agency; each child by id (one on an earlier contact of the agency) or by details and identifiers")
            .RequireAuthorization(PermissionPolicy.For(Permissions.SubmitContacts));

        api.MapGet("/contacts/{id:guid}", GetContact)
            .WithName("GetContact")
            .WithSummary("A contact the caller's agency made: what was sent and the outcome")
            .RequireAuthorization(PermissionPolicy.For(Permissions.SubmitContacts));

        api.MapMissingEpisodes();
        return app;
    }

    private static async Task<Results<Ok<List<Chronology.ChronologyEntry>>, NotFound>> Chronology(
        Chronology.ChronologyService chronology, ClaimsPrincipal user, Guid id, string[]? kind, Guid[]? agency, CancellationToken cancellationToken)
    {
        var entries = await chronology.ForPersonAsync(id, new Chronology.ChronologyFilter(kind, agency), Auditing.Actor.FromPrincipal(user), cancellationToken);
        return entries is null ? TypedResults.NotFound() : TypedResults.Ok(entries.ToList());
    }

    private static async Task<Results<Created<ContactSummary>, ValidationProblem>> SubmitContact(
        ContactSubmission submission, FrontDoor.ContactService contacts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        if (!Enum.TryParse<FrontDoor.ConsentPosition>(submission.Consent, true, out var consent) || !Enum.IsDefined(consent))
        {
            problems["consent"] = ["The consent must be one of Sought, Given, Refused, Overridden"];
        }

        var children = new List<FrontDoor.ContactChildInput>();
        foreach (var (child, i) in (submission.Children ?? []).Select((c, i) => (c, i)))
        {
            DateOnly? dob = null;
            if (!string.IsNullOrWhiteSpace(child.DateOfBirth))
            {
                if (DateOnly.TryParseExact(child.DateOfBirth.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    dob = parsed;
                }
                else
                {
                    problems[$"children[{i}].dateOfBirth"] = ["The date of birth must be a date like 2019-03-27"];
                }
            }

            children.Add(child.PersonId is { } personId
                ? new FrontDoor.ContactChildInput(personId)
                : new FrontDoor.ContactChildInput(null, new NewPerson
                {
                    GivenNames = child.GivenNames ?? "",
                    FamilyName = child.FamilyName ?? "",
                    DateOfBirth = dob,
                    Sex = string.IsNullOrWhiteSpace(child.Sex) ? "U" : child.Sex.Trim().ToUpperInvariant(),
                    NhsNumber = child.NhsNumber,
                    Upn = child.Upn,
                }));
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        try
        {
            var actor = Auditing.Actor.FromPrincipal(user);
            var contact = await contacts.RecordAsync(new FrontDoor.NewContact
            {
                ReceivedAt = submission.ReceivedAt ?? default,
                ReferrerName = submission.ReferrerName ?? "",
                ReferrerRole = submission.ReferrerRole,
                ReferralSource = submission.ReferralSource ?? "",
                Concerns = submission.Concerns ?? "",
                Consent = consent,
                ConsentReason = submission.ConsentReason,
                Children = children,
            }, FrontDoor.ContactChannel.Partner, actor, cancellationToken);
            var view = (await contacts.ContactOfAgencyAsync(contact.Id, actor, cancellationToken))!;
            return TypedResults.Created($"/api/v1/contacts/{contact.Id}", Summarise(view));
        }
        catch (Common.SafeguardValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Problems
                .GroupBy(p => p.Field.Length == 0 ? "" : char.ToLowerInvariant(p.Field[0]) + p.Field[1..])
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        }
    }

    private static async Task<Results<Ok<ContactSummary>, NotFound>> GetContact(Guid id, FrontDoor.ContactService contacts, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var view = await contacts.ContactOfAgencyAsync(id, Auditing.Actor.FromPrincipal(user), cancellationToken);
        return view is null ? TypedResults.NotFound() : TypedResults.Ok(Summarise(view));
    }

    private static ContactSummary Summarise(FrontDoor.AgencyContactView view) => new(
        view.ContactId, view.ReceivedAt, view.ReferrerName, view.Concerns,
        [.. view.Children.Select(c => new ContactSummaryChild(c.Name, c.PersonId))],
        view.Decision?.ToString(), view.DecidedAt);

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

/// <summary>A contact a partner system submits. Consent is Sought, Given, Refused or Overridden; the referral source is a children in need census code (like 6 for police).</summary>
public sealed record ContactSubmission(
    DateTimeOffset? ReceivedAt,
    string? ReferrerName,
    string? ReferrerRole,
    string? ReferralSource,
    string? Concerns,
    string? Consent,
    string? ConsentReason,
    IReadOnlyList<ContactSubmissionChild>? Children);

/// <summary>A child on a submitted contact: a person id from an earlier contact of the agency, or the child's details (date of birth yyyy-MM-dd; sex F, M or U).</summary>
public sealed record ContactSubmissionChild(Guid? PersonId, string? GivenNames, string? FamilyName, string? DateOfBirth, string? Sex, string? NhsNumber, string? Upn);

public sealed record ContactSummary(Guid Id, DateTimeOffset ReceivedAt, string ReferrerName, string Concerns, IReadOnlyList<ContactSummaryChild> Children, string? Decision, DateTimeOffset? DecidedAt);

public sealed record ContactSummaryChild(string Name, Guid? PersonId);
