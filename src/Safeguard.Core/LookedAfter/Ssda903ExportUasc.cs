using Microsoft.EntityFrameworkCore;
using Safeguard.Interchange.Ssda903;

namespace Safeguard.LookedAfter;

/// <summary>
/// The UASC and PrevPerm tables of the export, from the asylum-seeking status and previous permanence records
/// (docs/adr/0088), written after the other tables for the same children in the same order.
/// </summary>
public sealed partial class Ssda903ExportService
{
    /// <summary>Previous permanence is asked of children who started to be looked after from this day (SSDA903 rule 634).</summary>
    public static readonly DateOnly PermanenceAskedFrom = new(2016, 4, 1);

    /// <summary>
    /// The children of the UASC table: those whose status began by 31 March (now or formerly UASC), but not the care
    /// leavers with an OC3 row (rule 1014). DfE derives no distance for them (406), so their episodes are written
    /// without the home postcode.
    /// </summary>
    private async Task<HashSet<Guid>> UascChildrenAsync(List<Guid> ids, HashSet<Guid> withOc3, DateOnly end, CancellationToken cancellationToken)
    {
        var children = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            children.UnionWith(await db.Set<UascStatus>().AsNoTracking().Where(u => chunk.Contains(u.PersonId) && (u.BecameOn == null || u.BecameOn <= end))
                .Select(u => u.PersonId).ToListAsync(cancellationToken));
        }

        children.ExceptWith(withOc3);
        return children;
    }

    /// <summary>
    /// UASC: each child of the header whose record says they were an unaccompanied asylum-seeking child by 31 March
    /// (now or formerly), with DUC the date the status ceased or ceases (the 18th birthday at the latest); not for the
    /// care leavers with an OC3 row (rule 1014: UASC information is not asked of them). PrevPerm: each child looked after
    /// in the year with a previous permanence record whose care, in this year and last (the years a check loads), began
    /// on or after 1 April 2016 (rule 634); a child who started a period of care in the year with no record has no row,
    /// which rule 630 reports.
    /// </summary>
    private async Task WriteUascAndPermanenceAsync(
        IReadOnlyList<Guid> ids, Func<Ssda903Table, TextWriter> tableWriter, Dictionary<Ssda903Table, int> rows, HashSet<Guid> uascChildren,
        DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var uascOut = tableWriter(Ssda903Table.Uasc);
        var permanenceOut = tableWriter(Ssda903Table.PrevPerm);
        var lastYearStart = start.AddYears(-1);
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            var statuses = await db.Set<UascStatus>().AsNoTracking().Where(u => chunk.Contains(u.PersonId) && (u.BecameOn == null || u.BecameOn <= end))
                .ToDictionaryAsync(u => u.PersonId, cancellationToken);
            var permanence = await db.Set<PreviousPermanence>().AsNoTracking().Where(p => chunk.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, cancellationToken);
            var withRecord = statuses.Keys.Concat(permanence.Keys).Distinct().ToList();
            if (withRecord.Count == 0)
            {
                continue;
            }

            var people = await db.People.AsNoTracking().Where(p => withRecord.Contains(p.Id))
                .Select(p => new { p.Id, p.CouncilChildId, p.Sex, p.DateOfBirth }).ToDictionaryAsync(p => p.Id, cancellationToken);
            var permanenceIds = permanence.Keys.ToList();
            var episodes = (await db.Set<CareEpisode>().AsNoTracking().Where(e => permanenceIds.Contains(e.PersonId) && e.StartedOn <= end)
                .Select(e => new { e.PersonId, e.StartedOn, e.EndedOn, e.ReasonForNewEpisode }).ToListAsync(cancellationToken)).ToLookup(e => e.PersonId);
            foreach (var id in chunk)
            {
                if (!people.TryGetValue(id, out var person))
                {
                    continue;
                }

                var dob = Date(person.DateOfBirth);
                if (uascChildren.Contains(id) && statuses.TryGetValue(id, out var status))
                {
                    await uascOut.WriteLineAsync(Line(person.CouncilChildId, person.Sex switch { "M" => "1", "F" => "2", _ => null }, dob, Date(status.DateCeased(person.DateOfBirth))));
                    rows[Ssda903Table.Uasc]++;
                }

                if (!permanence.TryGetValue(id, out var previous))
                {
                    continue;
                }

                var history = episodes[id].OrderBy(e => e.StartedOn).ToList();
                var inYear = history.Where(e => e.EndedOn is not { } ended || ended >= start).ToList();
                var loaded = history.Where(e => e.EndedOn is not { } ended || ended >= lastYearStart).ToList();
                if (inYear.Count == 0 || loaded[0].StartedOn < PermanenceAskedFrom
                    || history.LastOrDefault(e => e.StartedOn <= inYear[0].StartedOn && e.ReasonForNewEpisode == LookedAfterCodes.Started) is { } began && began.StartedOn < PermanenceAskedFrom)
                {
                    continue;
                }

                await permanenceOut.WriteLineAsync(Line(person.CouncilChildId, dob, previous.Option, previous.LocalAuthority, previous.ReturnDate));
                rows[Ssda903Table.PrevPerm]++;
            }
        }
    }
}
