using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.People;
using static Safeguard.LookedAfter.RecordInput;

namespace Safeguard.LookedAfter;

/// <summary>The rules episodes, reviews and health checks are checked against before they are saved.</summary>
public sealed partial class LookedAfterService
{
    /// <summary>Temporary placements and Z1 record no placement provider or postcode (SSDA903 rules 213 and 214).</summary>
    private static readonly string[] NoLocation = ["T0", "T1", "T2", "T3", "T4", "Z1"];

    /// <summary>Who may be named as an IRO: active users of an active children's social care agency.</summary>
    public IQueryable<IroChoice> IroChoices() => IroUsers().OrderBy(u => u.DisplayName).Select(u => new IroChoice(u.Id, u.DisplayName));

    private IQueryable<Identity.User> IroUsers() =>
        db.Users.Where(u => !u.IsDisabled && db.Agencies.Any(a => a.Id == u.AgencyId && a.IsActive && a.Type == AgencyType.ChildrensSocialCare));

    private Task<Person> ChildAsync(Guid personId, Auditing.Actor actor, CancellationToken cancellationToken) =>
        VisibleChildAsync(people, personId, actor, "child", cancellationToken);

    private async Task<List<CareEpisode>> EpisodesAsync(Guid personId, bool tracked, CancellationToken cancellationToken)
    {
        var query = db.Set<CareEpisode>().Where(e => e.PersonId == personId);
        return await (tracked ? query : query.AsNoTracking()).OrderBy(e => e.StartedOn).ToListAsync(cancellationToken);
    }

    private async Task<CareEpisode> CurrentAsync(Guid personId, CancellationToken cancellationToken) =>
        await db.Set<CareEpisode>().FirstOrDefaultAsync(e => e.PersonId == personId && e.EndedOn == null, cancellationToken)
        ?? throw new SafeguardValidationException("PersonId", "The child is not looked after: record them becoming looked after first");

    private Task<bool> LookedAfterOnAsync(Guid personId, DateOnly on, CancellationToken cancellationToken) =>
        db.Set<CareEpisode>().AnyAsync(e => e.PersonId == personId && e.StartedOn <= on && (e.EndedOn == null || e.EndedOn >= on), cancellationToken);

    private void CheckDate(List<ValidationProblem> problems, string field, DateOnly? date, string what)
    {
        if (date is not { } d)
        {
            problems.Add(new(field, $"Enter {what}"));
        }
        else if (d > Today)
        {
            problems.Add(new(field, $"{char.ToUpperInvariant(what[4])}{what[5..]} must be today or in the past"));
        }
    }

    private static void CheckCode(List<ValidationProblem> problems, LookedAfterCodes codes, string list, string field, string? code, string what)
    {
        if (!codes.IsValid(list, Tidy(code)))
        {
            problems.Add(new(field, string.IsNullOrWhiteSpace(code) ? $"Select {what}" : $"{code.Trim()} is not a code of {what} in the {codes.Year} SSDA903 lists"));
        }
    }

    /// <summary>Checks the placement type, provider and postcode; returns the postcode tidied (upper case, one space) or null.</summary>
    private static string? CheckPlacement(List<ValidationProblem> problems, LookedAfterCodes codes, string? type, string? provider, string? postcode)
    {
        CheckCode(problems, codes, LookedAfterCodes.PlacementType, "PlacementType", type, "the placement type");
        var (p, pc) = (Tidy(provider), Tidy(postcode));
        if (NoLocation.Contains(type))
        {
            if (p is not null)
            {
                problems.Add(new("PlacementProvider", $"A placement of type {type} records no placement provider: leave it blank"));
            }

            if (pc is not null)
            {
                problems.Add(new("PlacementPostcode", $"A placement of type {type} records no postcode: leave it blank"));
            }

            return null;
        }

        CheckCode(problems, codes, LookedAfterCodes.PlacementProvider, "PlacementProvider", p, "the placement provider");
        if (type == "P1" && p is not null && p != "PR0")
        {
            problems.Add(new("PlacementProvider", "A child placed with their parents (P1) has the provider PR0, parents or others with parental responsibility"));
        }

        if (pc is null)
        {
            problems.Add(new("PlacementPostcode", "Enter the placement's postcode"));
            return null;
        }

        var tidy = Regex.Replace(pc.ToUpperInvariant(), @"\s+", "");
        if (!Postcode().IsMatch(tidy))
        {
            problems.Add(new("PlacementPostcode", "Enter a real postcode, like BL9 0EJ"));
            return null;
        }

        return $"{tidy[..^3]} {tidy[^3..]}";
    }

    /// <summary>The reason for a new episode agrees with what changed (SSDA903 rules 434 to 436).</summary>
    private static void CheckReason(List<ValidationProblem> problems, string rne, bool legalChanged, bool placementChanged)
    {
        string? problem = rne switch
        {
            "L" when !legalChanged => "L is a change of legal status: select the new legal status",
            "L" when placementChanged => "L is a change of legal status only: the placement must stay the same (select B or U if it moved too)",
            "P" or "T" when !placementChanged => $"{rne} is a placement move: give the new placement",
            "P" or "T" when legalChanged => $"{rne} is a placement move only: the legal status must stay the same (select B or U if it changed too)",
            "B" or "U" when !legalChanged || !placementChanged => $"{rne} is a change of both legal status and placement: give the new legal status and the new placement",
            _ => null,
        };
        if (problem is not null)
        {
            problems.Add(new("ReasonForNewEpisode", problem));
        }
    }

    private async Task<IroChoice?> IroAsync(List<ValidationProblem> problems, Guid? iroUserId, CancellationToken cancellationToken)
    {
        var iro = iroUserId is { } id ? await IroUsers().Where(u => u.Id == id).Select(u => new IroChoice(u.Id, u.DisplayName)).FirstOrDefaultAsync(cancellationToken) : null;
        if (iro is null)
        {
            problems.Add(new("IroUserId", "Select the independent reviewing officer (IRO)"));
        }

        return iro;
    }

    private async Task<(List<ValidationProblem> Problems, IroChoice? Iro)> CheckReviewAsync(Person child, Guid? reviewId, ReviewDetails details, CancellationToken cancellationToken)
    {
        var problems = new List<ValidationProblem>();
        CheckDate(problems, "HeldOn", details.HeldOn, "the date of the review");
        if (details.HeldOn is { } on && on <= Today)
        {
            if (!await LookedAfterOnAsync(child.Id, on, cancellationToken))
            {
                problems.Add(new("HeldOn", "The child was not looked after on that date"));
            }
            else if (await db.Set<LookedAfterReview>().AnyAsync(r => r.PersonId == child.Id && r.HeldOn == on && r.Id != reviewId, cancellationToken))
            {
                problems.Add(new("HeldOn", "A review on that date is already recorded"));
            }
        }

        var iro = await IroAsync(problems, details.IroUserId, cancellationToken);
        var codes = LookedAfterCodes.On(details.HeldOn ?? Today);
        var participation = Tidy(details.Participation);
        if (!codes.IsValid(LookedAfterCodes.ReviewParticipation, participation))
        {
            problems.Add(new("Participation", "Select how the child took part in the review"));
        }
        else if (participation == "PN0" && details.HeldOn is { } held && child.DateOfBirth is { } born && born.AddYears(4) <= held)
        {
            problems.Add(new("Participation", "PN0 is for a child under 4 at the review: select how the child took part"));
        }

        Text(problems, "Decisions", details.Decisions, "the review's decisions", LookedAfterReview.MaxTextLength, required: false);
        return (problems, iro);
    }

    private static void Apply(LookedAfterReview review, ReviewDetails details, IroChoice iro)
    {
        review.HeldOn = details.HeldOn!.Value;
        (review.IroUserId, review.IroName) = (iro.UserId, iro.Name);
        review.Participation = Tidy(details.Participation)!;
        review.Decisions = Tidy(details.Decisions);
    }

    private static void Text(List<ValidationProblem> problems, string field, string? value, string what, int max, bool required)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(field, $"Enter {what}"));
        }
        else if (value?.Trim().Length > max)
        {
            problems.Add(new(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} must be {max} characters or fewer"));
        }
    }

    internal static string Words(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private Task SaveAsync(CancellationToken cancellationToken) => SaveAndClearAsync(db, cancellationToken);

    /// <summary>An optional postcode, written as the return writes it ("BL9 0EJ"); a problem on <paramref name="field"/> when it is not one.</summary>
    private static string? CheckOptionalPostcode(List<ValidationProblem> problems, string field, string? postcode)
    {
        if (Tidy(postcode) is not { } given)
        {
            return null;
        }

        var tidy = Regex.Replace(given.ToUpperInvariant(), @"\s+", "");
        if (!Postcode().IsMatch(tidy))
        {
            problems.Add(new(field, "Enter a real postcode, like BL9 0EJ"));
            return null;
        }

        return $"{tidy[..^3]} {tidy[^3..]}";
    }

    /// <summary>An optional Ofsted unique reference number: 6 to 8 letters and digits (SC123456), or XXXXXXX for a provider with none.</summary>
    private static string? CheckOptionalUrn(List<ValidationProblem> problems, string? urn)
    {
        if (Tidy(urn)?.ToUpperInvariant() is not { } given)
        {
            return null;
        }

        if (!Urn().IsMatch(given))
        {
            problems.Add(new("PlacementUrn", "Enter the Ofsted unique reference number, like SC123456, or XXXXXXX when the provider has none"));
            return null;
        }

        return given;
    }

    [GeneratedRegex("^[A-Z0-9]{6,8}$", RegexOptions.CultureInvariant)]
    private static partial Regex Urn();

    [GeneratedRegex("^[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();
}
