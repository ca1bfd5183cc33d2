using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.Persistence;
using Safeguard.Work;

namespace Safeguard.ComplexSafeguarding;

/// <summary>
/// Return home interviews due: each ended episode of an identified child with no interview offered, against its
/// 72-hour clock. A child with an open episode of need is the allocated worker's and team's; every one is in the
/// all-work view. A child missing 3 or more times in the last 90 days is flagged in what is due.
/// </summary>
public sealed class MissingDueWorkSource(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var waiting = await db.Set<MissingEpisode>().AsNoTracking()
            .Where(e => e.EndedAt != null && e.PersonId != null && e.Interview == null && !e.FromReturn)
            .Select(e => new { e.Id, PersonId = e.PersonId!.Value, EndedAt = e.EndedAt!.Value })
            .ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return [];
        }

        var personIds = waiting.Select(e => e.PersonId).Distinct().ToList();
        var open = db.NeedEpisodes.Where(n => n.ClosureDate == null && !n.ReferralNfa).Select(n => n.Id);
        var allocations = (await db.Set<Journey.CaseAllocation>().AsNoTracking()
                .Where(a => a.To == null && personIds.Contains(a.PersonId) && open.Contains(a.EpisodeId))
                .Select(a => new { a.PersonId, a.TeamId, a.WorkerId })
                .ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonId)
            .ToDictionary(g => g.Key, g => g.First());
        if (query.WorkerId is { } worker)
        {
            waiting = [.. waiting.Where(e => allocations.TryGetValue(e.PersonId, out var a) && a.WorkerId == worker)];
        }

        if (query.TeamId is { } team)
        {
            waiting = [.. waiting.Where(e => allocations.TryGetValue(e.PersonId, out var a) && a.TeamId == team)];
        }

        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.IsRestricted ? MissingEpisodeService.RestrictedName : p.DisplayName, cancellationToken);
        var starts = (await db.Set<MissingEpisode>().AsNoTracking()
                .Where(e => e.PersonId != null && personIds.Contains(e.PersonId.Value))
                .Select(e => new { PersonId = e.PersonId!.Value, e.StartedAt })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.PersonId, e => UkTime.ToUkDate(e.StartedAt));
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var today = deadlines.Today();
        return [.. waiting.Select(e =>
        {
            allocations.TryGetValue(e.PersonId, out var allocation);
            var repeat = RepeatMissing.InWindow(starts[e.PersonId], today);
            return new DueItem(
                e.PersonId,
                names.GetValueOrDefault(e.PersonId, ""),
                repeat >= RepeatMissing.Threshold ? $"Return home interview (repeat missing: {repeat} episodes in 90 days)" : "Return home interview",
                allocation?.TeamId,
                allocation?.WorkerId,
                deadlines.Assess(deadlines.Calculate(MissingEpisodeService.TimescaleRule, e.EndedAt)),
                $"/missing/episodes/{e.Id}");
        })];
    }
}

/// <summary>A child's missing episodes and return home interviews on their chronology.</summary>
public sealed class MissingChronologySource(SafeguardDbContext db) : IChronologySource
{
    public async Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken)
    {
        var episodes = await db.Set<MissingEpisode>().AsNoTracking().Include(e => e.Interview).Include(e => e.ReportedByAgency)
            .Where(e => e.PersonId == personId)
            .ToListAsync(cancellationToken);
        var entries = new List<ChronologyEntry>();
        foreach (var e in episodes)
        {
            var link = $"/missing/episodes/{e.Id}";
            var what = e.Kind == MissingKind.Missing ? "Missing" : "Away without authorisation";
            var risk = e.RiskAtReport is { } r ? $", {MissingText.Describe(r).ToLowerInvariant()} risk" : "";
            entries.Add(new(e.StartedAt, ChronologyKinds.Missing, $"{what} from {MissingText.Describe(e.From).ToLowerInvariant()} (reported by {e.ReportedByAgency?.Name}{risk})",
                e.Circumstances, e.ReportedByAgencyId, e.ReportedByAgency?.Name, MissingEpisodeService.EntityType, e.Id, link));
            if (e.EndedAt is { } ended)
            {
                entries.Add(new(ended, ChronologyKinds.Missing, "Returned from missing", e.WhereFound is null ? null : $"Found at or returned to: {e.WhereFound}",
                    null, null, MissingEpisodeService.EntityType, e.Id, link));
            }

            if (e.Interview is { } i)
            {
                var detail = string.Join(". ", new[]
                {
                    $"By {i.Interviewer}" + (i.Organisation is null ? "" : $" ({i.Organisation})") + (i.Independent ? ", independent" : ", not independent"),
                    i.Reason, i.PushFactors is null ? null : $"Push factors: {i.PushFactors}", i.PullFactors is null ? null : $"Pull factors: {i.PullFactors}",
                    i.WhereTheyWere is null ? null : $"Where: {i.WhereTheyWere}", i.WithWhom is null ? null : $"With: {i.WithWhom}", i.Notes,
                }.Where(s => s is not null));
                entries.Add(new(i.HeldAt ?? i.OfferedAt, ChronologyKinds.ReturnInterview, $"Return home interview: {MissingText.Describe(i.Outcome).ToLowerInvariant()}",
                    detail, null, null, MissingEpisodeService.InterviewEntityType, i.Id, link));
            }
        }

        return entries;
    }
}
