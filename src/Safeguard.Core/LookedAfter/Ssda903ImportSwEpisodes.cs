using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Identity;
using Safeguard.Interchange.Ssda903;
using Safeguard.Journey;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.LookedAfter;

/// <summary>
/// The import of the return's social worker episodes (SWEpisodes) into the child's casework allocations (docs/adr/0087).
/// A row is matched to an allocation of the child to the staff member whose Social Work England number is the row's SW_ID,
/// starting on SW_DECOM: its reason (SW_REASON) is taken from the return where given; an end that differs from the
/// recorded one is noted, not applied (an allocation is live casework: closing it from a return would leave the child
/// unallocated). A row with no such allocation becomes one, from the start of SW_DECOM to the start of SW_DEC (open when
/// blank), to the worker's team, in the child's episode of need open on SW_DECOM. A row that cannot be kept (no staff
/// member has the SW_ID, the worker has no team, no episode of need is open on SW_DECOM, or it overlaps the allocations
/// recorded) is not imported: each is noted with its line and the rows are counted among the tables not imported, so
/// nothing is lost without a word.
/// </summary>
public sealed partial class Ssda903ImportService
{
    /// <summary>Who an allocation taken from the return was made by: the return names no one.</summary>
    public const string AllocatedByReturn = "SSDA903 import";

    /// <summary>Why a social worker episode row was not imported, for the list of tables not imported.</summary>
    public const string SocialWorkerRowsNotKept =
        "rows whose SW_ID is no staff member's Social Work England number, whose worker has no team, with no episode of need open on SW_DECOM, or overlapping the allocations recorded (each noted with its line)";

    /// <summary>The staff with the Social Work England numbers the batch's social worker episodes name, by number.</summary>
    private async Task<Dictionary<string, User>> SocialWorkersAsync(Ssda903Child[] batch, CancellationToken cancellationToken)
    {
        var numbers = batch.SelectMany(c => c.SocialWorker).Select(s => s.SwId?.Trim().ToUpperInvariant()).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return numbers.Count == 0
            ? new Dictionary<string, User>(StringComparer.Ordinal)
            : await db.Users.AsNoTracking().Where(u => u.SocialWorkEnglandNumber != null && numbers.Contains(u.SocialWorkEnglandNumber))
                .ToDictionaryAsync(u => u.SocialWorkEnglandNumber!, StringComparer.Ordinal, cancellationToken);
    }

    /// <summary>The batch's children's episodes of need and their allocations, by child.</summary>
    private async Task<(ILookup<Guid, NeedEpisode> Needs, ILookup<Guid, CaseAllocation> Allocations)> CaseworkAsync(Ssda903Child[] batch, List<Guid> personIds, CancellationToken cancellationToken)
    {
        if (!batch.Any(c => c.SocialWorker.Count > 0))
        {
            return (Array.Empty<NeedEpisode>().ToLookup(e => e.PersonId), Array.Empty<CaseAllocation>().ToLookup(a => a.PersonId));
        }

        var needs = await db.NeedEpisodes.AsNoTracking().Where(e => personIds.Contains(e.PersonId)).ToListAsync(cancellationToken);
        var allocations = await db.Set<CaseAllocation>().Where(a => personIds.Contains(a.PersonId)).ToListAsync(cancellationToken);
        return (needs.ToLookup(e => e.PersonId), allocations.ToLookup(a => a.PersonId));
    }

    private sealed partial class Run
    {
        /// <summary>How many social worker episode rows could not be kept (each is noted).</summary>
        public int SocialWorkerRowsNotImported { get; private set; }

        public void ApplySocialWorkers(
            SafeguardDbContext db, Person person, Ssda903Child child, List<NeedEpisode> needs, List<CaseAllocation> allocations, Dictionary<string, User> workers)
        {
            foreach (var source in child.SocialWorker.OrderBy(s => s.Decom.Value))
            {
                var line = $"SWEpisodes line {source.Line.ToString(CultureInfo.InvariantCulture)}: child {child.Id}";
                var start = source.Decom.Value!.Value;
                DateOnly? end = source.Dec.Value;
                var number = source.SwId!.Trim().ToUpperInvariant();
                var period = $"the episode from {Day(start)}{(end is { } e ? $" to {Day(e)}" : ", open")}";
                if (!workers.TryGetValue(number, out var worker))
                {
                    SocialWorkerNotKept($"{line}: no staff member has the Social Work England number {number} (SW_ID): {period} was not imported. Record the number on the social worker's staff record and import again.");
                    continue;
                }

                if (allocations.FirstOrDefault(a => a.WorkerId == worker.Id && UkTime.ToUkDate(a.From) == start) is { } recorded)
                {
                    var changed = false;
                    Set(ref changed, recorded.SocialWorkerReason, source.Reason, v => recorded.SocialWorkerReason = v);
                    var runEnd = SocialWorkerEpisodes.Runs(allocations).FirstOrDefault(r => r.Allocations.Contains(recorded))?.EndDay;
                    if (end is { } ended && runEnd != ended)
                    {
                        Notes.Add($"{line}: {worker.DisplayName}'s allocation from {Day(start)} is recorded as {(runEnd is { } r ? $"ending {Day(r)}" : "open")}; the return's end {Day(ended)} (SW_DEC) is not applied (the allocation is the child's casework: change it on the allocation page).");
                    }

                    Tally(Ssda903RecordKind.SocialWorkerEpisode, changed);
                    continue;
                }

                if (worker.TeamId is not { } team)
                {
                    SocialWorkerNotKept($"{line}: {worker.DisplayName} ({number}) has no team, and an allocation is to a team: {period} was not imported.");
                    continue;
                }

                var need = needs.Where(n => n.ReferralDate <= start && (n.ClosureDate is not { } closed || closed >= start)).MaxBy(n => n.ReferralDate);
                if (need is null)
                {
                    SocialWorkerNotKept($"{line}: the child has no episode of need open on {Day(start)} (SW_DECOM), and an allocation belongs to one: {period} was not imported.");
                    continue;
                }

                var from = UkTime.StartOfDay(start);
                DateTimeOffset? to = end is { } dec ? UkTime.StartOfDay(dec) : need.ClosureDate is { } closure ? UkTime.StartOfDay(closure) : null;
                if (allocations.Any(a => a.EpisodeId == need.Id && a.From < (to ?? DateTimeOffset.MaxValue) && (a.To is not { } aTo || aTo > from)))
                {
                    SocialWorkerNotKept($"{line}: {period} with {worker.DisplayName} overlaps the child's allocations recorded in that episode of need and was not imported.");
                    continue;
                }

                var allocation = new CaseAllocation
                {
                    EpisodeId = need.Id,
                    PersonId = person.Id,
                    TeamId = team,
                    WorkerId = worker.Id,
                    From = from,
                    To = to,
                    AllocatedByName = AllocatedByReturn,
                    SocialWorkerReason = source.Reason,
                };
                db.Add(allocation);
                allocations.Add(allocation);
                Tallies[Ssda903RecordKind.SocialWorkerEpisode].Created++;
            }
        }

        private void SocialWorkerNotKept(string note)
        {
            SocialWorkerRowsNotImported++;
            Notes.Add(note);
        }

        private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
    }
}
