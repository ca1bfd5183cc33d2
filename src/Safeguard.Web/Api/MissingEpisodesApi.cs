using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Safeguard.ComplexSafeguarding;
using Safeguard.Identity;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Api;

/// <summary>The police's missing reports through the API (<c>/api/v1/missing-episodes</c>): report, read back, record the return.</summary>
public static class MissingEpisodesApi
{
    public static RouteGroupBuilder MapMissingEpisodes(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/missing-episodes", ReportAsync)
            .WithName("ReportMissingEpisode")
            .WithSummary("Report a child missing for the caller's police force: the episode and the child, by id (one on an earlier report of the force) or by details and identifiers")
            .RequireAuthorization(PermissionPolicy.For(Permissions.ReportMissing));

        api.MapGet("/missing-episodes/{id:guid}", GetAsync)
            .WithName("GetMissingEpisode")
            .WithSummary("A missing episode the caller's force reported: what was sent, the return and whether an interview was offered")
            .RequireAuthorization(PermissionPolicy.For(Permissions.ReportMissing));

        api.MapPost("/missing-episodes/{id:guid}/return", ReturnAsync)
            .WithName("RecordMissingReturn")
            .WithSummary("Record when and where the child on a report of the caller's force returned or was found")
            .RequireAuthorization(PermissionPolicy.For(Permissions.ReportMissing));
        return api;
    }

    private static async Task<Results<Created<MissingEpisodeSummary>, ValidationProblem>> ReportAsync(
        MissingEpisodeSubmission submission, MissingEpisodeService missing, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, string[]>();
        var kind = Parse<MissingKind>(submission.Kind, "kind", "Missing, AwayWithoutAuthorisation", problems);
        var from = Parse<MissingFrom>(submission.From, "from", "Home, CarePlacement, School, Other", problems);
        var risk = Parse<MissingRisk>(submission.RiskAtReport, "riskAtReport", "Low, Medium, High", problems);
        DateOnly? dob = null;
        if (!string.IsNullOrWhiteSpace(submission.Child?.DateOfBirth))
        {
            if (DateOnly.TryParseExact(submission.Child.DateOfBirth.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                dob = parsed;
            }
            else
            {
                problems["child.dateOfBirth"] = ["The date of birth must be a date like 2012-03-27"];
            }
        }

        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var c = submission.Child;
        var report = new MissingReport(
            new MissingEpisodeDetails
            {
                Kind = kind,
                From = from,
                RiskAtReport = risk,
                StartedAt = submission.StartedAt,
                EndedAt = submission.EndedAt,
                WhereFound = submission.WhereFound,
                LookedAfter = submission.LookedAfter,
                Circumstances = submission.Circumstances,
                PoliceReference = submission.PoliceReference,
                ReportedByName = submission.ReportedByName,
            },
            c?.PersonId,
            c is null || c.PersonId is not null ? null : new NewPerson
            {
                GivenNames = c.GivenNames ?? "",
                FamilyName = c.FamilyName ?? "",
                DateOfBirth = dob,
                Sex = string.IsNullOrWhiteSpace(c.Sex) ? "U" : c.Sex.Trim().ToUpperInvariant(),
                NhsNumber = c.NhsNumber,
                Upn = c.Upn,
            });
        try
        {
            var actor = Auditing.Actor.FromPrincipal(user);
            var episode = await missing.ReportAsync(report, actor, cancellationToken);
            var view = (await missing.ReportedEpisodeAsync(episode.Id, actor, cancellationToken))!;
            return TypedResults.Created($"/api/v1/missing-episodes/{episode.Id}", Summarise(view));
        }
        catch (Common.SafeguardValidationException ex)
        {
            return Problems(ex);
        }
    }

    private static async Task<Results<Ok<MissingEpisodeSummary>, NotFound>> GetAsync(Guid id, MissingEpisodeService missing, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var view = await missing.ReportedEpisodeAsync(id, Auditing.Actor.FromPrincipal(user), cancellationToken);
        return view is null ? TypedResults.NotFound() : TypedResults.Ok(Summarise(view));
    }

    private static async Task<Results<Ok<MissingEpisodeSummary>, NotFound, ValidationProblem, Conflict<string>>> ReturnAsync(
        Guid id, MissingReturnSubmission submission, MissingEpisodeService missing, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = Auditing.Actor.FromPrincipal(user);
        if (await missing.ReportedEpisodeAsync(id, actor, cancellationToken) is not { } view)
        {
            return TypedResults.NotFound();
        }

        try
        {
            await missing.RecordReturnAsync(id, submission.Version ?? view.Version, submission.EndedAt, submission.WhereFound, partner: true, actor, cancellationToken);
        }
        catch (Common.SafeguardValidationException ex)
        {
            return Problems(ex);
        }
        catch (Common.ConcurrencyConflictException ex)
        {
            return TypedResults.Conflict(ex.Message);
        }

        return TypedResults.Ok(Summarise((await missing.ReportedEpisodeAsync(id, actor, cancellationToken))!));
    }

    private static TEnum? Parse<TEnum>(string? value, string field, string allowed, Dictionary<string, string[]> problems)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value.Trim(), true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        problems[field] = [$"The {field} must be one of {allowed}"];
        return null;
    }

    private static ValidationProblem Problems(Common.SafeguardValidationException ex) => TypedResults.ValidationProblem(ex.Problems
        .GroupBy(p => p.Field.Length == 0 ? "" : char.ToLowerInvariant(p.Field[0]) + p.Field[1..])
        .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));

    private static MissingEpisodeSummary Summarise(AgencyEpisodeView v) => new(
        v.EpisodeId, v.Version, v.ChildName, v.Identified, v.Kind.ToString(), v.From.ToString(), v.StartedAt, v.EndedAt, v.WhereFound, v.RiskAtReport?.ToString(),
        v.LookedAfter, v.PoliceReference, v.InterviewOffered);
}

/// <summary>A missing report from a police system. Kind is Missing or AwayWithoutAuthorisation; from is Home, CarePlacement, School or Other; riskAtReport is Low, Medium or High.</summary>
public sealed record MissingEpisodeSubmission(
    string? Kind,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? From,
    string? WhereFound,
    string? RiskAtReport,
    bool? LookedAfter,
    string? Circumstances,
    string? PoliceReference,
    string? ReportedByName,
    ContactSubmissionChild? Child);

/// <summary>The child's return: when (and, optionally, the version of the episode read); where found is required.</summary>
public sealed record MissingReturnSubmission(DateTimeOffset? EndedAt, string? WhereFound, int? Version);

public sealed record MissingEpisodeSummary(
    Guid Id, int Version, string Child, bool ChildIdentified, string Kind, string From, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? WhereFound,
    string? RiskAtReport, bool LookedAfter, string? PoliceReference, bool InterviewOffered);
