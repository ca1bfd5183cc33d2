using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Persistence;
using static Safeguard.LookedAfter.RecordInput;

namespace Safeguard.LookedAfter;

/// <summary>
/// Children looked after: a child becomes looked after (the first episode), moves placement or changes legal status
/// (a new episode with its reason), leaves care (the last episode ends with the reason); their independent reviewing
/// officer, looked-after reviews, health assessments and dental checks. Every change is audited and carries the
/// version it was made from; every view of a child's looked-after record is audited.
/// </summary>
public sealed partial class LookedAfterService(SafeguardDbContext db, PersonIndex people, CalendarAdministration calendar)
{
    public const string EpisodeEntityType = nameof(CareEpisode);
    public const string ReviewEntityType = nameof(LookedAfterReview);
    public const string HealthEntityType = nameof(HealthCheck);

    private DateTimeOffset Now => db.Time.GetUtcNow();

    private DateOnly Today => UkTime.Today(db.Time);

    /// <summary>The child becomes looked after: the first episode of a period of care (reason S).</summary>
    public async Task<CareEpisode> StartAsync(Guid personId, StartDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        var episodes = await EpisodesAsync(child.Id, tracked: false, cancellationToken);
        var problems = new List<ValidationProblem>();
        if (episodes.FirstOrDefault(e => e.IsCurrent) is { } current)
        {
            problems.Add(new("StartedOn", $"The child is already looked after (since {Words(LookedAfterSchedule.Period(episodes)[0].StartedOn)}): record a placement move or change of legal status instead"));
        }

        CheckDate(problems, "StartedOn", details.StartedOn, "the date the child became looked after");
        if (details.StartedOn is { } started && child.DateOfBirth is { } born && started < born)
        {
            problems.Add(new("StartedOn", "The child cannot become looked after before they were born"));
        }
        else if (details.StartedOn is { } s && episodes.Select(e => e.EndedOn).Max() is { } lastEnded && s <= lastEnded)
        {
            problems.Add(new("StartedOn", $"The child's last period of care ended on {Words(lastEnded)}: a new one starts after it"));
        }

        var codes = LookedAfterCodes.On(details.StartedOn ?? Today);
        CheckCode(problems, codes, LookedAfterCodes.LegalStatus, "LegalStatus", details.LegalStatus, "the legal status");
        CheckCode(problems, codes, LookedAfterCodes.CategoryOfNeed, "CategoryOfNeed", details.CategoryOfNeed, "the category of need");
        var postcode = CheckPlacement(problems, codes, details.PlacementType, details.PlacementProvider, details.PlacementPostcode);
        var homePostcode = CheckOptionalPostcode(problems, "HomePostcode", details.HomePostcode);
        var urn = CheckOptionalUrn(problems, details.PlacementUrn);
        var iro = await IroAsync(problems, details.IroUserId, cancellationToken);
        Throw(problems);

        var episode = new CareEpisode
        {
            PersonId = child.Id,
            StartedOn = details.StartedOn!.Value,
            ReasonForNewEpisode = LookedAfterCodes.Started,
            LegalStatus = details.LegalStatus!,
            CategoryOfNeed = details.CategoryOfNeed!,
            PlacementType = details.PlacementType!,
            PlacementProvider = Tidy(details.PlacementProvider),
            PlacementPostcode = postcode,
            HomePostcode = homePostcode,
            PlacementUrn = urn,
            IroUserId = iro!.UserId,
            IroName = iro.Name,
            RecordedAt = Now,
            RecordedByName = Fit(actor.Name),
        };
        using (db.BeginProcess("LookedAfter.Start", actor))
        {
            db.Add(episode);
            await SaveAsync(cancellationToken);
        }

        return episode;
    }

    /// <summary>
    /// A placement move or change of legal status: the current episode (read at <paramref name="version"/>) ends with
    /// reason X1 and the new one starts the same day. The reason for the new episode must agree with what changed.
    /// </summary>
    public async Task<CareEpisode> ChangeAsync(Guid personId, int version, ChangeDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        var current = await CurrentAsync(child.Id, cancellationToken);
        var problems = new List<ValidationProblem>();
        CheckDate(problems, "ChangedOn", details.ChangedOn, "the date of the change");
        if (details.ChangedOn is { } on && on <= current.StartedOn)
        {
            problems.Add(new("ChangedOn", $"The current episode started on {Words(current.StartedOn)}: the change must be after it"));
        }

        var codes = LookedAfterCodes.On(details.ChangedOn ?? Today);
        var rne = Tidy(details.ReasonForNewEpisode);
        var legalStatus = Tidy(details.LegalStatus) ?? current.LegalStatus;
        var placement = Tidy(details.PlacementType) ?? current.PlacementType;
        var placementGiven = Tidy(details.PlacementType) is not null;
        var provider = placementGiven ? Tidy(details.PlacementProvider) : current.PlacementProvider;
        var postcode = placementGiven ? CheckPlacement(problems, codes, placement, provider, details.PlacementPostcode) : current.PlacementPostcode;
        var urn = placementGiven ? CheckOptionalUrn(problems, details.PlacementUrn) : current.PlacementUrn;
        CheckCode(problems, codes, LookedAfterCodes.LegalStatus, "LegalStatus", legalStatus, "the legal status");
        var categoryOfNeed = Tidy(details.CategoryOfNeed) ?? current.CategoryOfNeed;
        CheckCode(problems, codes, LookedAfterCodes.CategoryOfNeed, "CategoryOfNeed", categoryOfNeed, "the category of need");
        var legalChanged = legalStatus != current.LegalStatus;
        var placementChanged = placement != current.PlacementType || provider != current.PlacementProvider || postcode != current.PlacementPostcode;
        if (rne is null || rne == LookedAfterCodes.Started || !codes.IsValid(LookedAfterCodes.ReasonForNewEpisode, rne))
        {
            problems.Add(new("ReasonForNewEpisode", rne == LookedAfterCodes.Started
                ? "The child is already looked after: select what changed (S starts a period of care)"
                : "Select the reason for the new episode: what changed"));
        }
        else
        {
            CheckReason(problems, rne, legalChanged, placementChanged);
        }

        var movesPlacement = rne is "P" or "T" or "B" or "U";
        var reasonPlacementChanged = Tidy(details.ReasonPlacementChanged);
        if (movesPlacement && !codes.IsValid(LookedAfterCodes.ReasonPlacementChanged, reasonPlacementChanged))
        {
            problems.Add(new("ReasonPlacementChanged", "Select why the placement changed"));
        }
        else if (rne == "L" && reasonPlacementChanged is not null)
        {
            problems.Add(new("ReasonPlacementChanged", "The placement did not change: leave the reason for a placement change blank"));
        }

        Throw(problems);
        var next = new CareEpisode
        {
            PersonId = child.Id,
            StartedOn = details.ChangedOn!.Value,
            ReasonForNewEpisode = rne!,
            LegalStatus = legalStatus,
            CategoryOfNeed = categoryOfNeed,
            PlacementType = placement,
            PlacementProvider = provider,
            PlacementPostcode = postcode,
            PlacementUrn = urn,
            HomePostcode = current.HomePostcode,
            IroUserId = current.IroUserId,
            IroName = current.IroName,
            RecordedAt = Now,
            RecordedByName = Fit(actor.Name),
        };
        using (db.BeginProcess("LookedAfter.NewEpisode", actor))
        {
            db.Entry(current).Property(e => e.Version).OriginalValue = version;
            current.EndedOn = next.StartedOn;
            current.ReasonEpisodeCeased = LookedAfterCodes.NextEpisodeFollows;
            current.ReasonPlacementChanged = movesPlacement ? reasonPlacementChanged : null;
            db.Add(next);
            await SaveAsync(cancellationToken);
        }

        return next;
    }

    /// <summary>The child leaves care: the current episode (read at <paramref name="version"/>) ends with the reason.</summary>
    public async Task LeaveCareAsync(Guid personId, int version, LeaveDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        var current = await CurrentAsync(child.Id, cancellationToken);
        var problems = new List<ValidationProblem>();
        CheckDate(problems, "EndedOn", details.EndedOn, "the date the child left care");
        if (details.EndedOn is { } ended && ended < current.StartedOn)
        {
            problems.Add(new("EndedOn", $"The current episode started on {Words(current.StartedOn)}: the child cannot leave care before it"));
        }

        var reason = Tidy(details.ReasonCeased);
        var codes = LookedAfterCodes.On(details.EndedOn ?? Today);
        if (reason == LookedAfterCodes.NextEpisodeFollows)
        {
            problems.Add(new("ReasonCeased", "X1 is for a new episode following on the same day: record a placement move or change of legal status instead"));
        }
        else if (!codes.IsValid(LookedAfterCodes.ReasonCeased, reason))
        {
            problems.Add(new("ReasonCeased", "Select why the child left care"));
        }

        Throw(problems);
        using (db.BeginProcess("LookedAfter.LeaveCare", actor))
        {
            db.Entry(current).Property(e => e.Version).OriginalValue = version;
            current.EndedOn = details.EndedOn!.Value;
            current.ReasonEpisodeCeased = reason;
            await SaveAsync(cancellationToken);
        }
    }

    /// <summary>Names a different independent reviewing officer on the current episode (read at <paramref name="version"/>).</summary>
    public async Task ChangeIroAsync(Guid personId, int version, Guid? iroUserId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        var current = await CurrentAsync(child.Id, cancellationToken);
        var problems = new List<ValidationProblem>();
        var iro = await IroAsync(problems, iroUserId, cancellationToken);
        Throw(problems);
        using (db.BeginProcess("LookedAfter.ChangeIro", actor))
        {
            db.Entry(current).Property(e => e.Version).OriginalValue = version;
            (current.IroUserId, current.IroName) = (iro!.UserId, iro.Name);
            await SaveAsync(cancellationToken);
        }
    }

    /// <summary>Records a looked-after review held while the child was looked after.</summary>
    public async Task<LookedAfterReview> RecordReviewAsync(Guid personId, ReviewDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        var (problems, iro) = await CheckReviewAsync(child, null, details, cancellationToken);
        Throw(problems);
        var review = new LookedAfterReview { PersonId = child.Id, IroName = "", Participation = "", RecordedAt = Now, RecordedByName = Fit(actor.Name) };
        Apply(review, details, iro!);
        using (db.BeginProcess("LookedAfter.RecordReview", actor))
        {
            db.Add(review);
            await SaveAsync(cancellationToken);
        }

        return review;
    }

    /// <summary>Changes a review; refused when it was changed since <paramref name="version"/> was read.</summary>
    public async Task ChangeReviewAsync(Guid reviewId, int version, ReviewDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var review = await db.Set<LookedAfterReview>().FirstOrDefaultAsync(r => r.Id == reviewId, cancellationToken);
        var child = review is null ? null : await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == review.PersonId, cancellationToken);
        if (review is null || child is null)
        {
            db.ChangeTracker.Clear();
            throw new SafeguardValidationException("ReviewId", "There is no such review");
        }

        var (problems, iro) = await CheckReviewAsync(child, reviewId, details, cancellationToken);
        Throw(problems);
        using (db.BeginProcess("LookedAfter.ChangeReview", actor))
        {
            db.Entry(review).Property(e => e.Version).OriginalValue = version;
            Apply(review, details, iro!);
            await SaveAsync(cancellationToken);
        }
    }

    /// <summary>Records a health assessment or a dental check done while the child was looked after.</summary>
    public async Task<HealthCheck> RecordHealthCheckAsync(Guid personId, HealthCheckDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var child = await ChildAsync(personId, actor, cancellationToken);
        var problems = new List<ValidationProblem>();
        if (details.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            problems.Add(new("Kind", "Select a health assessment or a dental check"));
        }

        CheckDate(problems, "DoneOn", details.DoneOn, "the date it was done");
        if (details.DoneOn is { } on && on <= Today && !await LookedAfterOnAsync(child.Id, on, cancellationToken))
        {
            problems.Add(new("DoneOn", "The child was not looked after on that date"));
        }

        Text(problems, "DoneBy", details.DoneBy, "who did it", HealthCheck.MaxNameLength, required: true);
        Text(problems, "Notes", details.Notes, "the notes", HealthCheck.MaxTextLength, required: false);
        Throw(problems);
        var check = new HealthCheck
        {
            PersonId = child.Id,
            Kind = details.Kind!.Value,
            DoneOn = details.DoneOn!.Value,
            DoneBy = details.DoneBy!.Trim(),
            Notes = Tidy(details.Notes),
            RecordedAt = Now,
            RecordedByName = Fit(actor.Name),
        };
        using (db.BeginProcess("LookedAfter.RecordHealthCheck", actor))
        {
            db.Add(check);
            await SaveAsync(cancellationToken);
        }

        return check;
    }
}
