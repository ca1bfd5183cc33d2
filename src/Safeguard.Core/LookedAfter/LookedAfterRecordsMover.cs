using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.LookedAfter;

/// <summary>
/// When two child records are merged, moves the duplicate's looked-after records to the record kept: episodes of care,
/// reviews, health assessments and dental checks, adoption decisions, pathway plans, the birthday (OC3) records, the asylum-seeking status and previous permanence (where the kept record has none). The
/// merge is refused, naming the days, when both records were looked after on the same day (two care histories over
/// the same days cannot both be true: correct one of them first), and when both have an open adoption decision. The
/// care leaver record (personal adviser, adult services) of the record kept stays; the duplicate's fills what the kept
/// one lacks, and a duplicate's birthday record for a birthday the kept record already has stays on the merged record,
/// so nothing is lost. Every change is saved, and audited, with the merge.
/// </summary>
internal sealed class LookedAfterRecordsMover(SafeguardDbContext db) : IPersonRecordsMover
{
    public async Task MoveAsync(Guid mergedId, Guid survivorId, CancellationToken cancellationToken)
    {
        var episodes = await db.Set<CareEpisode>().Where(e => e.PersonId == mergedId || e.PersonId == survivorId).ToListAsync(cancellationToken);
        var moved = episodes.Where(e => e.PersonId == mergedId).ToList();
        var kept = episodes.Where(e => e.PersonId == survivorId).ToList();
        foreach (var e in moved)
        {
            if (kept.FirstOrDefault(k => k.StartedOn < (e.EndedOn ?? DateOnly.MaxValue) && e.StartedOn < (k.EndedOn ?? DateOnly.MaxValue)) is { } overlap)
            {
                throw new SafeguardValidationException(
                    "MergedId",
                    $"Both records were looked after on the same days (the duplicate's episode from {LookedAfterService.Words(e.StartedOn)} and the kept record's from {LookedAfterService.Words(overlap.StartedOn)}): correct the care episodes of one of them before merging");
            }
        }

        var decisions = await db.Set<AdoptionDecision>().Where(a => a.PersonId == mergedId || a.PersonId == survivorId).ToListAsync(cancellationToken);
        if (decisions.Count(a => a.IsOpen) > 1)
        {
            throw new SafeguardValidationException("MergedId", "Both records have an open adoption decision: close or correct one of them before merging");
        }

        moved.ForEach(e => e.PersonId = survivorId);
        decisions.Where(a => a.PersonId == mergedId).ToList().ForEach(a => a.PersonId = survivorId);
        foreach (var review in await db.Set<LookedAfterReview>().Where(r => r.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            review.PersonId = survivorId;
        }

        foreach (var check in await db.Set<HealthCheck>().Where(h => h.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            check.PersonId = survivorId;
        }

        foreach (var plan in await db.Set<PathwayPlan>().Where(p => p.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            plan.PersonId = survivorId;
        }

        var contacts = await db.Set<CareLeaverContact>().Where(c => c.PersonId == mergedId || c.PersonId == survivorId).ToListAsync(cancellationToken);
        foreach (var contact in contacts.Where(c => c.PersonId == mergedId && !contacts.Any(k => k.PersonId == survivorId && k.Birthday == c.Birthday)))
        {
            contact.PersonId = survivorId;
        }

        // One asylum-seeking status and one previous permanence a child: the kept record's stay, the duplicate's fill a gap.
        var uasc = await db.Set<UascStatus>().Where(u => u.PersonId == mergedId || u.PersonId == survivorId).ToListAsync(cancellationToken);
        if (uasc.Count == 1 && uasc[0].PersonId == mergedId)
        {
            uasc[0].PersonId = survivorId;
        }

        var permanence = await db.Set<PreviousPermanence>().Where(p => p.PersonId == mergedId || p.PersonId == survivorId).ToListAsync(cancellationToken);
        if (permanence.Count == 1 && permanence[0].PersonId == mergedId)
        {
            permanence[0].PersonId = survivorId;
        }

        var leavers = await db.Set<CareLeaver>().Where(c => c.PersonId == mergedId || c.PersonId == survivorId).ToListAsync(cancellationToken);
        var duplicate = leavers.FirstOrDefault(c => c.PersonId == mergedId);
        if (duplicate is not null && leavers.FirstOrDefault(c => c.PersonId == survivorId) is { } record)
        {
            if (record.PersonalAdviserUserId is null)
            {
                (record.PersonalAdviserUserId, record.PersonalAdviserName) = (duplicate.PersonalAdviserUserId, duplicate.PersonalAdviserName);
            }

            if (record.NeedsAdultServices is null)
            {
                (record.NeedsAdultServices, record.AdultServicesNote) = (duplicate.NeedsAdultServices, duplicate.AdultServicesNote);
            }
        }
        else if (duplicate is not null)
        {
            duplicate.PersonId = survivorId;
        }
    }
}
