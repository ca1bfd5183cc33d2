using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Journey;

namespace Safeguard.LookedAfter;

/// <summary>
/// The SWEpisodes table of the export (docs/adr/0087): for each child looked after in the year, the periods a named social
/// worker held the case (<see cref="SocialWorkerEpisodes.Runs"/>) that overlap the year, whether or not the child was
/// looked after then (DfE's rule SW12: a child looked after on 31 March has every social worker episode of the year). For a
/// child whose care ended in the year, an episode still running then ends, for the return, on the day care ended (rule
/// SW14). An episode starting and ending on the same day is left out (SW09); one ending after 31 March is written open.
/// </summary>
public sealed partial class Ssda903ExportService
{
    /// <summary>Each child's casework allocations to a worker, an allocation left open on an episode of need that closed ending on the closure day; and the workers' registration numbers.</summary>
    private async Task<(ILookup<Guid, CaseAllocation> Allocations, Dictionary<Guid, string?> Numbers)> SocialWorkerAllocationsAsync(
        Guid[] chunk, DateOnly end, CancellationToken cancellationToken)
    {
        var to = UkTime.StartOfDay(end.AddDays(1));
        var rows = await db.Set<CaseAllocation>().AsNoTracking()
            .Where(a => chunk.Contains(a.PersonId) && a.WorkerId != null && a.From < to)
            .Select(a => new { Allocation = a, Closed = db.NeedEpisodes.Where(e => e.Id == a.EpisodeId).Select(e => e.ClosureDate).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => r.Allocation.To is null && r.Closed is not null))
        {
            row.Allocation.To = UkTime.StartOfDay(row.Closed!.Value);
        }

        var workerIds = rows.Select(r => r.Allocation.WorkerId!.Value).Distinct().ToList();
        var numbers = await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.SocialWorkEnglandNumber, cancellationToken);
        return (rows.Select(r => r.Allocation).ToLookup(a => a.PersonId), numbers);
    }

    /// <summary>Writes the child's social worker episodes of the year; returns how many.</summary>
    private static async Task<int> WriteSocialWorkerEpisodesAsync(
        TextWriter output, string child, string? dob, List<CareEpisode> care, IEnumerable<CaseAllocation> allocations, Dictionary<Guid, string?> numbers, DateOnly start, DateOnly end)
    {
        if (care.Count == 0)
        {
            return 0;
        }

        // Care that ended in the year (the latest episode ended, not by a move to the next) ends the social worker episodes with it.
        var latest = care.MaxBy(e => e.StartedOn)!;
        DateOnly? careEnded = latest.EndedOn is { } left && left <= end && latest.ReasonEpisodeCeased != LookedAfterCodes.NextEpisodeFollows ? left : null;
        var until = careEnded ?? end;
        var written = 0;
        foreach (var run in SocialWorkerEpisodes.Runs(allocations))
        {
            var from = run.StartDay;
            var to = run.EndDay;
            if (careEnded is { } ceased && (to is null || to > ceased))
            {
                to = ceased;
            }

            if (from > until || (to is { } t && (t < start || t <= from)))
            {
                continue;
            }

            numbers.TryGetValue(run.WorkerId, out var number);
            await output.WriteLineAsync(Line(child, dob, number, Date(from), to is { } ended && ended <= end ? Date(ended) : null, run.Reason));
            written++;
        }

        return written;
    }
}
