using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.Persistence;
using Safeguard.Work;

namespace Safeguard.LookedAfter;

/// <summary>
/// Looked-after work due for every child looked after now: the next review, on the IRO's due work and the allocated
/// team's; the next health assessment and dental check, on the allocated worker's and team's. Every one is in the
/// all-work view, so a review out of timescale shows as overdue the day after it was due.
/// </summary>
public sealed class LookedAfterDueWorkSource(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var lookedAfter = db.Set<CareEpisode>().Where(e => e.EndedOn == null).Select(e => e.PersonId);
        var episodes = (await db.Set<CareEpisode>().AsNoTracking().Where(e => lookedAfter.Contains(e.PersonId)).ToListAsync(cancellationToken))
            .ToLookup(e => e.PersonId);
        if (episodes.Count == 0)
        {
            return [];
        }

        var reviews = (await db.Set<LookedAfterReview>().AsNoTracking().Where(r => lookedAfter.Contains(r.PersonId)).Select(r => new { r.PersonId, r.HeldOn }).ToListAsync(cancellationToken))
            .ToLookup(r => r.PersonId, r => r.HeldOn);
        var checks = (await db.Set<HealthCheck>().AsNoTracking().Where(h => lookedAfter.Contains(h.PersonId)).Select(h => new { h.PersonId, h.Kind, h.DoneOn }).ToListAsync(cancellationToken))
            .ToLookup(h => h.PersonId);
        var needs = db.NeedEpisodes.Where(n => n.ClosureDate == null && !n.ReferralNfa).Select(n => n.Id);
        var allocations = (await db.Set<Journey.CaseAllocation>().AsNoTracking()
                .Where(a => a.To == null && lookedAfter.Contains(a.PersonId) && needs.Contains(a.EpisodeId))
                .Select(a => new { a.PersonId, a.TeamId, a.WorkerId })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonId)
            .ToDictionary(g => g.Key, g => g.First());
        var children = await db.People.AsNoTracking().Where(p => lookedAfter.Contains(p.Id))
            .Select(p => new { p.Id, p.DisplayName, p.IsRestricted, p.DateOfBirth })
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var items = new List<DueItem>();
        foreach (var child in episodes)
        {
            var period = LookedAfterSchedule.Period(child);
            if (period.Count == 0 || !children.TryGetValue(child.Key, out var person))
            {
                continue;
            }

            var start = period[0].StartedOn;
            var current = period[^1];
            allocations.TryGetValue(child.Key, out var allocation);
            var name = person.IsRestricted ? ComplexSafeguarding.MissingEpisodeService.RestrictedName : person.DisplayName;
            var link = $"/people/{child.Key}/looked-after";
            var review = LookedAfterSchedule.NextReview(start, reviews[child.Key], deadlines);
            items.Add(new DueItem(child.Key, name, $"{review.What} (IRO {current.IroName})", allocation?.TeamId, current.IroUserId, review.Assessment, link));
            var health = LookedAfterSchedule.NextHealthAssessment(start, person.DateOfBirth, checks[child.Key].Where(h => h.Kind == HealthCheckKind.HealthAssessment).Select(h => h.DoneOn), deadlines);
            items.Add(new DueItem(child.Key, name, health.What, allocation?.TeamId, allocation?.WorkerId, health.Assessment, link));
            var dental = LookedAfterSchedule.NextDentalCheck(start, checks[child.Key].Where(h => h.Kind == HealthCheckKind.DentalCheck).Select(h => h.DoneOn), deadlines);
            items.Add(new DueItem(child.Key, name, dental.What, allocation?.TeamId, allocation?.WorkerId, dental.Assessment, link));
        }

        return [.. items.Where(i => (query.WorkerId is not { } w || i.WorkerId == w) && (query.TeamId is not { } t || i.TeamId == t))];
    }
}

/// <summary>A child's care episodes, looked-after reviews and health checks on their chronology.</summary>
public sealed class LookedAfterChronologySource(SafeguardDbContext db) : IChronologySource
{
    public async Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken)
    {
        var entries = new List<ChronologyEntry>();
        var link = $"/people/{personId}/looked-after";
        foreach (var e in await db.Set<CareEpisode>().AsNoTracking().Where(e => e.PersonId == personId).ToListAsync(cancellationToken))
        {
            var codes = LookedAfterCodes.On(e.StartedOn);
            entries.Add(new(UkTime.StartOfDay(e.StartedOn), ChronologyKinds.LookedAfter,
                $"{LookedAfterText.Change(e.ReasonForNewEpisode)}: {codes.Name(LookedAfterCodes.LegalStatus, e.LegalStatus).ToLowerInvariant()}, {codes.Name(LookedAfterCodes.PlacementType, e.PlacementType).ToLowerInvariant()}",
                e.PlacementPostcode is null ? null : $"Placement postcode {e.PlacementPostcode}", null, null, LookedAfterService.EpisodeEntityType, e.Id, link));
            if (e.EndedOn is { } ended && e.ReasonEpisodeCeased is { } rec && rec != LookedAfterCodes.NextEpisodeFollows)
            {
                entries.Add(new(UkTime.StartOfDay(ended), ChronologyKinds.LookedAfter, $"Left care: {LookedAfterCodes.On(ended).Name(LookedAfterCodes.ReasonCeased, rec)}",
                    null, null, null, LookedAfterService.EpisodeEntityType, e.Id, link));
            }
        }

        foreach (var r in await db.Set<LookedAfterReview>().AsNoTracking().Where(r => r.PersonId == personId).ToListAsync(cancellationToken))
        {
            entries.Add(new(UkTime.StartOfDay(r.HeldOn), ChronologyKinds.LookedAfter, $"Looked-after review chaired by {r.IroName}",
                string.Join(". ", new[] { LookedAfterCodes.On(r.HeldOn).Name(LookedAfterCodes.ReviewParticipation, r.Participation), r.Decisions }.Where(s => s is not null)),
                null, null, LookedAfterService.ReviewEntityType, r.Id, link));
        }

        foreach (var h in await db.Set<HealthCheck>().AsNoTracking().Where(h => h.PersonId == personId).ToListAsync(cancellationToken))
        {
            entries.Add(new(UkTime.StartOfDay(h.DoneOn), ChronologyKinds.LookedAfter, $"{LookedAfterText.Describe(h.Kind)} by {h.DoneBy}", h.Notes, null, null,
                LookedAfterService.HealthEntityType, h.Id, link));
        }

        return entries;
    }
}
