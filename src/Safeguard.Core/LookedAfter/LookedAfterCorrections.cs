using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using static Safeguard.LookedAfter.RecordInput;

namespace Safeguard.LookedAfter;

/// <summary>A correction of an episode's recorded fields, with why it is corrected.</summary>
public sealed record EpisodeCorrection
{
    public DateOnly? StartedOn { get; init; }

    public string? LegalStatus { get; init; }

    public string? CategoryOfNeed { get; init; }

    public string? PlacementType { get; init; }

    public string? PlacementProvider { get; init; }

    public string? PlacementPostcode { get; init; }

    /// <summary>Why the placement changed (on an episode that ended in a placement move); ignored otherwise.</summary>
    public string? ReasonPlacementChanged { get; init; }

    /// <summary>Why the child left care (on the episode that ended a period of care); ignored otherwise.</summary>
    public string? ReasonEpisodeCeased { get; init; }

    /// <summary>Why the record is corrected (kept in the audit trail).</summary>
    public string? Reason { get; init; }
}

/// <summary>Correcting an episode in place: a mistake in what was recorded, not a change in the child's care.</summary>
public sealed partial class LookedAfterService
{
    public const int MaxCorrectionReasonLength = 2000;

    /// <summary>One episode of a child the actor may see (for its correction page), audited; null otherwise.</summary>
    public async Task<CareEpisode?> GetEpisodeAsync(Guid episodeId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var episode = await db.Set<CareEpisode>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        if (episode is null || !await people.Visible(actor).AnyAsync(p => p.Id == episode.PersonId, cancellationToken))
        {
            return null;
        }

        using (db.BeginProcess("LookedAfter.ViewEpisode", actor))
        {
            db.RecordAccess(EpisodeEntityType, episodeId.ToString(), AuditAction.Viewed);
            await db.SaveChangesAsync(cancellationToken);
        }

        return episode;
    }

    /// <summary>
    /// Corrects an episode read at <paramref name="version"/>: its start date (the episode before it, ended by the move,
    /// ends on the new date too), codes, placement, and the reason it ended. The same rules as recording hold; the reason
    /// for the correction is required and kept in the audit trail (process <c>LookedAfter.CorrectEpisode</c>).
    /// </summary>
    public async Task CorrectEpisodeAsync(Guid episodeId, int version, EpisodeCorrection correction, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentNullException.ThrowIfNull(actor);
        var episode = await db.Set<CareEpisode>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == episodeId, cancellationToken);
        var child = episode is null ? null : await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == episode.PersonId, cancellationToken);
        if (episode is null || child is null)
        {
            throw new SafeguardValidationException("EpisodeId", "There is no such episode of care");
        }

        var episodes = await EpisodesAsync(child.Id, tracked: true, cancellationToken);
        var target = episodes.Single(e => e.Id == episodeId);
        var index = episodes.IndexOf(target);
        var before = index > 0 ? episodes[index - 1] : null;
        var problems = new List<ValidationProblem>();
        CheckDate(problems, "StartedOn", correction.StartedOn, "the date the episode started");
        if (correction.StartedOn is { } start && start <= Today)
        {
            if (target.EndedOn is { } end && start >= end)
            {
                problems.Add(new("StartedOn", $"The episode ended on {Words(end)}: it must start before then"));
            }
            else if (before is not null && target.ReasonForNewEpisode != LookedAfterCodes.Started && start <= before.StartedOn)
            {
                problems.Add(new("StartedOn", $"The episode before started on {Words(before.StartedOn)}: this one must start after it"));
            }
            else if (before is not null && target.ReasonForNewEpisode == LookedAfterCodes.Started && before.EndedOn is { } lastEnded && start <= lastEnded)
            {
                problems.Add(new("StartedOn", $"The period of care before ended on {Words(lastEnded)}: this one must start after it"));
            }
            else if (child.DateOfBirth is { } born && start < born)
            {
                problems.Add(new("StartedOn", "The child cannot become looked after before they were born"));
            }
        }

        var codes = LookedAfterCodes.On(correction.StartedOn ?? target.StartedOn);
        CheckCode(problems, codes, LookedAfterCodes.LegalStatus, "LegalStatus", correction.LegalStatus, "the legal status");
        CheckCode(problems, codes, LookedAfterCodes.CategoryOfNeed, "CategoryOfNeed", correction.CategoryOfNeed, "the category of need");
        var postcode = CheckPlacement(problems, codes, Tidy(correction.PlacementType), correction.PlacementProvider, correction.PlacementPostcode);
        var endedByMove = target.ReasonEpisodeCeased == LookedAfterCodes.NextEpisodeFollows && index + 1 < episodes.Count && episodes[index + 1].ReasonForNewEpisode is "P" or "T" or "B" or "U";
        var placeChange = Tidy(correction.ReasonPlacementChanged);
        if (endedByMove && !codes.IsValid(LookedAfterCodes.ReasonPlacementChanged, placeChange))
        {
            problems.Add(new("ReasonPlacementChanged", "Select why the placement changed"));
        }

        var leftCare = target.EndedOn is not null && target.ReasonEpisodeCeased != LookedAfterCodes.NextEpisodeFollows;
        var ceased = Tidy(correction.ReasonEpisodeCeased);
        if (leftCare && (ceased == LookedAfterCodes.NextEpisodeFollows || !codes.IsValid(LookedAfterCodes.ReasonCeased, ceased)))
        {
            problems.Add(new("ReasonEpisodeCeased", "Select why the child left care"));
        }

        var reason = Tidy(correction.Reason);
        if (reason is null)
        {
            problems.Add(new("Reason", "Enter why the episode is corrected"));
        }
        else if (reason.Length > MaxCorrectionReasonLength)
        {
            problems.Add(new("Reason", $"Why the episode is corrected must be {MaxCorrectionReasonLength} characters or fewer"));
        }

        if (problems.Count > 0)
        {
            db.ChangeTracker.Clear();
            Throw(problems);
        }

        using (db.BeginProcess("LookedAfter.CorrectEpisode", actor, reason))
        {
            db.Entry(target).Property(e => e.Version).OriginalValue = version;
            if (before is not null && target.ReasonForNewEpisode != LookedAfterCodes.Started && before.EndedOn == target.StartedOn)
            {
                before.EndedOn = correction.StartedOn!.Value;
            }

            target.StartedOn = correction.StartedOn!.Value;
            target.LegalStatus = Tidy(correction.LegalStatus)!;
            target.CategoryOfNeed = Tidy(correction.CategoryOfNeed)!;
            target.PlacementType = Tidy(correction.PlacementType)!;
            target.PlacementProvider = postcode is null ? null : Tidy(correction.PlacementProvider);
            target.PlacementPostcode = postcode;
            if (endedByMove)
            {
                target.ReasonPlacementChanged = placeChange;
            }

            if (leftCare)
            {
                target.ReasonEpisodeCeased = ceased;
            }

            await SaveAsync(cancellationToken);
        }
    }
}
