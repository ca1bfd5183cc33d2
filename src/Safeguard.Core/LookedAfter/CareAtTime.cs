using Microsoft.EntityFrameworkCore;
using Safeguard.ComplexSafeguarding;
using Safeguard.Persistence;

namespace Safeguard.LookedAfter;

/// <summary>
/// Where a child was in care at a time, from their care episodes: the missing area marks an episode of a child looked
/// after when they went missing as missing from care and shows the care episode and placement it happened in; the
/// looked-after record lists the child's missing episodes while in care.
/// </summary>
public static class CareAtTime
{
    /// <summary>The care episode the child was in on <paramref name="day"/> (on a day one episode follows another, the later); null when not looked after then.</summary>
    public static Task<CareEpisode?> EpisodeOnAsync(SafeguardDbContext db, Guid personId, DateOnly day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<CareEpisode>().AsNoTracking()
            .Where(e => e.PersonId == personId && e.StartedOn <= day && (e.EndedOn == null || e.EndedOn > day || (e.EndedOn == day && e.ReasonEpisodeCeased != LookedAfterCodes.NextEpisodeFollows)))
            .OrderByDescending(e => e.StartedOn)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The child's missing episodes that started while they were looked after, newest first, each with its care episode.</summary>
    public static async Task<IReadOnlyList<(MissingEpisode Missing, CareEpisode Care)>> MissingFromCareAsync(SafeguardDbContext db, Guid personId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var care = await db.Set<CareEpisode>().AsNoTracking().Where(e => e.PersonId == personId).OrderBy(e => e.StartedOn).ToListAsync(cancellationToken);
        if (care.Count == 0)
        {
            return [];
        }

        var missing = await db.Set<MissingEpisode>().AsNoTracking().Where(m => m.PersonId == personId).ToListAsync(cancellationToken);
        return [.. missing.OrderByDescending(m => m.StartedAt)
            .Select(m => (Missing: m, Care: In(care, Calendar.UkTime.ToUkDate(m.StartedAt))))
            .Where(x => x.Care is not null)
            .Select(x => (x.Missing, x.Care!))];
    }

    private static CareEpisode? In(List<CareEpisode> ordered, DateOnly day) =>
        ordered.LastOrDefault(e => e.StartedOn <= day && (e.EndedOn is not { } end || end > day || (end == day && e.ReasonEpisodeCeased != LookedAfterCodes.NextEpisodeFollows)));
}
