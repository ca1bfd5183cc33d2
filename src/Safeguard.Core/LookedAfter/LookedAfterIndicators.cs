using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;

namespace Safeguard.LookedAfter;

/// <summary>
/// Care episodes as the dataset needs them, as known at an instant: episodes recorded after it are left out, and an
/// episode that ended after the instant's day counts as still open.
/// </summary>
public sealed class LookedAfterIndicatorData(IServiceScopeFactory scopes) : IndicatorFacts<LookedAfterFacts>(scopes)
{
    protected override async Task<LookedAfterFacts> LoadAsync(IServiceProvider services, DateTimeOffset asAt, DateOnly from, DateOnly until, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<SafeguardDbContext>();
        var today = UkTime.ToUkDate(asAt);
        var episodes = (await db.Set<CareEpisode>().AsNoTracking()
                .Where(e => e.StartedOn <= until && (e.EndedOn == null || e.EndedOn >= from))
                .Select(e => new { e.PersonId, e.StartedOn, e.EndedOn, e.ReasonForNewEpisode, e.ReasonEpisodeCeased, e.RecordedAt })
                .ToListAsync(cancellationToken))
            .Where(e => e.RecordedAt <= asAt && e.StartedOn <= today)
            .Select(e =>
            {
                var ended = e.EndedOn is { } x && x <= today ? x : (DateOnly?)null;
                return new CareEpisodeFact(e.PersonId, e.StartedOn, ended, e.ReasonForNewEpisode == LookedAfterCodes.Started,
                    ended is not null && e.ReasonEpisodeCeased is { } rec && rec != LookedAfterCodes.NextEpisodeFollows);
            })
            .ToList();
        return new LookedAfterFacts(episodes, today);
    }
}

/// <param name="PersonId">The child.</param>
/// <param name="StartedOn">The episode's start (DECOM).</param>
/// <param name="EndedOn">Its end (DEC), if it had ended by the instant.</param>
/// <param name="StartsCare">It started a period of care (reason for new episode S).</param>
/// <param name="EndsCare">It ended the period of care (a reason ceased other than X1).</param>
public sealed record CareEpisodeFact(Guid PersonId, DateOnly StartedOn, DateOnly? EndedOn, bool StartsCare, bool EndsCare);

/// <param name="Episodes">The episodes open at some time in the years asked about.</param>
/// <param name="Today">The UK date of the instant: a quarter still running is counted up to it.</param>
public sealed record LookedAfterFacts(IReadOnlyList<CareEpisodeFact> Episodes, DateOnly Today)
{
    /// <summary>The last day of the quarter, or the as-at day when the quarter is still running.</summary>
    public DateOnly SnapshotDay(ReportingQuarter quarter) => quarter.End < Today ? quarter.End : Today;
}

/// <summary>
/// The dataset indicators computed from the children looked after (7.1, 7.2, 7.3; definitions in
/// docs/partnership-dataset.md and docs/looked-after.md), counted as the SSDA903 return counts them.
/// </summary>
public static class LookedAfterIndicators
{
    public static IReadOnlyList<(string Key, Func<LookedAfterFacts, ReportingQuarter, IndicatorBreakdown> Count)> All { get; } =
    [
        // 7.1: each child with an episode open at the end of the quarter's last day (started on or before it, not ceased by it).
        ("children-looked-after", (f, q) =>
        {
            var day = f.SnapshotDay(q);
            return IndicatorBreakdown.Count(f.Episodes.Where(e => e.StartedOn <= day && (e.EndedOn is not { } end || end > day))
                .GroupBy(e => e.PersonId)
                .Select(g => CountedRecord.For(g.Key, "Looked after (episode started)", g.Max(e => e.StartedOn)))
                .OrderBy(r => r.Date));
        }),

        // 7.2: each child once, by the first episode starting a period of care (S) in the quarter.
        ("children-starting-care", (f, q) => IndicatorBreakdown.Count(f.Episodes.Where(e => e.StartsCare && q.Contains(e.StartedOn))
            .GroupBy(e => e.PersonId)
            .Select(g => CountedRecord.For(g.Key, "Started to be looked after", g.Min(e => e.StartedOn)))
            .OrderBy(r => r.Date))),

        // 7.3: each child once, by the first period of care ending (a reason ceased other than X1) in the quarter.
        ("children-ceasing-care", (f, q) => IndicatorBreakdown.Count(f.Episodes.Where(e => e.EndsCare && e.EndedOn is { } d && q.Contains(d))
            .GroupBy(e => e.PersonId)
            .Select(g => CountedRecord.For(g.Key, "Ceased to be looked after", g.Min(e => e.EndedOn!.Value)))
            .OrderBy(r => r.Date))),
    ];
}
