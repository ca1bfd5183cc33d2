using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.LookedAfter;

/// <summary>What an SSDA903 export wrote: the rows of each table and file, and what it left out.</summary>
public sealed partial record Ssda903ExportResult(
    CinCollection Collection, int Children, IReadOnlyList<(string Table, string File, int Rows)> Files, int WithoutCouncilChildId, IReadOnlyList<string> NotExported);

/// <summary>
/// Writes the SSDA903 return of a collection year from the looked-after records, one CSV file a table with the
/// schema's columns in order: the header (every child with an episode of care open at some time in the year: started
/// on or before 31 March, not ended before 1 April), their episodes open in the year and their reviews held in it,
/// their decisions to place for adoption in force in the year (PlacedAdoption), the adoption of those whose care ended
/// by adoption in the year (AD1) and their periods missing or away from placement that started while they were looked
/// after (Missing, from the missing episodes area), and the care leavers' birthday records (OC3) of those whose 17th to 21st
/// birthday is in the year, who are in the header even when not looked after in the year. Each is seen as at 31 March: an episode, decision or missing
/// period ending after it is written open, and nothing starting after it is written. The tables Safeguard has no
/// complete record for are not written (an empty table would read as "none of these", which the records cannot say)
/// and are listed in <see cref="Ssda903ExportResult.NotExported"/>: docs/adr/0043, 0057, 0086. The export is
/// audited as one access under <see cref="Process"/>.
/// </summary>
public sealed partial class Ssda903ExportService(SafeguardDbContext db)
{
    /// <summary>The process the audit trail records an export under.</summary>
    public const string Process = "Ssda903.Export";

    private const int BatchSize = 500;

    /// <summary>The tables the export writes from records; the return's other tables have no record in Safeguard yet and are not written.</summary>
    public static readonly IReadOnlyList<Ssda903Table> Written =
        [Ssda903Table.Header, Ssda903Table.Episodes, Ssda903Table.Reviews, Ssda903Table.Oc3, Ssda903Table.Ad1, Ssda903Table.PlacedAdoption, Ssda903Table.Missing,
        Ssda903Table.Oc2, Ssda903Table.Uasc, Ssda903Table.PrevPerm, Ssda903Table.SocialWorker];

    /// <summary>Why a table of the return would not be written (none now: every table has a record to be written from).</summary>
    public static readonly IReadOnlyDictionary<Ssda903Table, string> WhyNotWritten = new Dictionary<Ssda903Table, string>();

    /// <summary>The file each table is written to.</summary>
    public static string FileName(Ssda903Table table) => Ssda903Schema.Table(table).Name.ToLowerInvariant() + ".csv";

    /// <summary>Writes the return of <paramref name="collection"/> into <paramref name="folder"/> (created when missing), one file a table.</summary>
    /// <exception cref="SafeguardValidationException">No child with a council child id was looked after in the year.</exception>
    public async Task<Ssda903ExportResult> ExportAsync(string folder, CinCollection collection, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        var writers = new Dictionary<Ssda903Table, TextWriter>();
        try
        {
            foreach (var table in Written)
            {
                writers[table] = new StreamWriter(Path.Combine(folder, FileName(table)), false, new UTF8Encoding(false)) { NewLine = "\r\n" };
            }

            return await ExportAsync(t => writers[t], collection, actor, cancellationToken);
        }
        finally
        {
            foreach (var writer in writers.Values)
            {
                await writer.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// MOTHER and MC_DOB from the person index: for a girl 11 or over at 31 March who was not only on short breaks (V3,
    /// V4), 1 with the birth of her first child when a child's record names her as mother, otherwise 0; blank for
    /// anyone else (SSDA903 rules 393, 399, 607, 611, 612 and 620).
    /// </summary>
    private static (string? Mother, string? FirstChildBorn) MotherStatus(Person person, IEnumerable<CareEpisode> episodes, Dictionary<Guid, DateOnly> firstChildBorn, DateOnly end)
    {
        if (person.Sex != "F" || person.DateOfBirth is not { } born || born.AddYears(11) > end || episodes.All(e => e.LegalStatus is "V3" or "V4"))
        {
            return (null, null);
        }

        return firstChildBorn.TryGetValue(person.Id, out var first) ? ("1", Date(first)) : ("0", null);
    }

    /// <summary>Writes the return's tables, each to the writer <paramref name="tableWriter"/> gives for it.</summary>
    /// <exception cref="SafeguardValidationException">No child with a council child id was looked after in the year.</exception>
    public async Task<Ssda903ExportResult> ExportAsync(Func<Ssda903Table, TextWriter> tableWriter, CinCollection collection, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tableWriter);
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(actor);
        var start = collection.Start;
        var end = collection.ReferenceDate;
        var inYear = db.Set<CareEpisode>().Where(e => e.StartedOn <= end && (e.EndedOn == null || e.EndedOn >= start)).Select(e => e.PersonId);
        var children = db.People.AsNoTracking().Where(p => p.Kind == PersonKind.Child && p.MergedIntoId == null && inYear.Contains(p.Id));
        var withoutId = await children.CountAsync(p => p.CouncilChildId == null, cancellationToken);
        var lookedAfter = await children.Where(p => p.CouncilChildId != null).Select(p => new { p.Id, p.CouncilChildId }).ToListAsync(cancellationToken);

        // OC3: the care leavers with a birthday record for a 17th to 21st birthday in the year, with a header row even when
        // they were not looked after in it (ADR 0086).
        var birthdays = await CareLeaverBirthdaysAsync(start, end, cancellationToken);
        var leaverIds = birthdays.Keys.ToList();
        var leavers = await db.People.AsNoTracking().Where(p => leaverIds.Contains(p.Id)).Select(p => new { p.Id, p.CouncilChildId }).ToListAsync(cancellationToken);
        var ids = lookedAfter.Concat(leavers).DistinctBy(p => p.Id).OrderBy(p => p.CouncilChildId, StringComparer.Ordinal).Select(p => p.Id).ToList();
        if (ids.Count == 0)
        {
            throw new SafeguardValidationException("Collection", $"No child with a council child id was looked after during {collection.Name}, nor had a care leaver's birthday record for it: there is nothing to export");
        }

        var rows = new Dictionary<Ssda903Table, int>();
        foreach (var table in Written)
        {
            rows[table] = 0;
            await tableWriter(table).WriteLineAsync(string.Join(",", Ssda903Schema.Table(table).Columns.Select(c => c.Name)));
        }

        var header = tableWriter(Ssda903Table.Header);
        var episodesOut = tableWriter(Ssda903Table.Episodes);
        var reviewsOut = tableWriter(Ssda903Table.Reviews);
        var adoptedOut = tableWriter(Ssda903Table.Ad1);
        var decisionsOut = tableWriter(Ssda903Table.PlacedAdoption);
        var missingOut = tableWriter(Ssda903Table.Missing);
        var leaversOut = tableWriter(Ssda903Table.Oc3);
        var oc2 = new Oc2Writer(db, tableWriter(Ssda903Table.Oc2), collection);
        var uasc = await UascChildrenAsync(ids, birthdays.Keys.ToHashSet(), end, cancellationToken);
        foreach (var chunk in ids.Chunk(BatchSize))
        {
            var people = await db.People.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
            var episodes = (await db.Set<CareEpisode>().AsNoTracking()
                .Where(e => chunk.Contains(e.PersonId) && e.StartedOn <= end && (e.EndedOn == null || e.EndedOn >= start))
                .ToListAsync(cancellationToken)).ToLookup(e => e.PersonId);
            var reviews = (await db.Set<LookedAfterReview>().AsNoTracking()
                .Where(r => chunk.Contains(r.PersonId) && r.HeldOn >= start && r.HeldOn <= end)
                .ToListAsync(cancellationToken)).ToLookup(r => r.PersonId);
            var decisions = (await db.Set<AdoptionDecision>().AsNoTracking()
                .Where(d => chunk.Contains(d.PersonId) && d.DecidedOn <= end)
                .ToListAsync(cancellationToken)).ToLookup(d => d.PersonId);
            var startAt = UkTime.StartOfDay(start);
            var endAt = UkTime.StartOfDay(end.AddDays(1));
            var missing = (await db.Set<MissingEpisode>().AsNoTracking()
                .Where(m => m.PersonId != null && chunk.Contains(m.PersonId.Value) && m.StartedAt < endAt && (m.EndedAt == null || m.EndedAt >= startAt))
                .Select(m => new { PersonId = m.PersonId!.Value, m.Kind, m.StartedAt, m.EndedAt })
                .ToListAsync(cancellationToken)).ToLookup(m => m.PersonId);
            var firstChildBorn = (await db.PersonRelationships.AsNoTracking()
                .Where(r => r.Kind == RelationshipKind.Mother && chunk.Contains(r.RelatedPersonId))
                .Select(r => new { Mother = r.RelatedPersonId, Born = db.People.Where(c => c.Id == r.PersonId).Select(c => c.DateOfBirth).FirstOrDefault() })
                .ToListAsync(cancellationToken))
                .Where(r => r.Born is { } born && born <= end)
                .GroupBy(r => r.Mother)
                .ToDictionary(g => g.Key, g => g.Min(r => r.Born!.Value));
            await oc2.WriteAsync(chunk, people, episodes, cancellationToken);
            var (allocations, numbers) = await SocialWorkerAllocationsAsync(chunk, end, cancellationToken);
            foreach (var id in chunk)
            {
                var person = people[id];
                var child = person.CouncilChildId!;
                var dob = Date(person.DateOfBirth);
                var (mother, firstBorn) = MotherStatus(person, episodes[id], firstChildBorn, end);
                await header.WriteLineAsync(Line(child, person.Sex switch { "M" => "1", "F" => "2", _ => null }, dob, person.Ethnicity, person.Upn, mother, firstBorn));
                rows[Ssda903Table.Header]++;
                foreach (var e in episodes[id].OrderBy(e => e.StartedOn))
                {
                    var ended = e.EndedOn is { } on && on <= end;
                    await episodesOut.WriteLineAsync(Line(
                        child, Date(e.StartedOn), e.ReasonForNewEpisode, e.LegalStatus, e.CategoryOfNeed, e.PlacementType, e.PlacementProvider,
                        ended ? Date(e.EndedOn) : null, ended ? e.ReasonEpisodeCeased : null, ended ? e.ReasonPlacementChanged : null,
                        uasc.Contains(id) ? null : e.HomePostcode, e.PlacementPostcode, e.PlacementUrn));
                    rows[Ssda903Table.Episodes]++;
                }

                foreach (var r in reviews[id].OrderBy(r => r.HeldOn))
                {
                    await reviewsOut.WriteLineAsync(Line(child, dob, Date(r.HeldOn), r.Participation));
                    rows[Ssda903Table.Reviews]++;
                }

                if (birthdays.TryGetValue(id, out var birthday))
                {
                    await leaversOut.WriteLineAsync(Line(child, dob, birthday.InTouch, birthday.Activity, birthday.Accommodation));
                    rows[Ssda903Table.Oc3]++;
                }

                // PlacedAdoption: each decision in force at some time in the year; a reversal after 31 March is not yet written.
                foreach (var d in decisions[id].Where(d => d.NoLongerPlacedOn is not { } ceased || ceased >= start).OrderBy(d => d.DecidedOn))
                {
                    var reversed = d.NoLongerPlacedOn is { } on && on <= end;
                    await decisionsOut.WriteLineAsync(Line(child, dob, Date(d.DecidedOn), reversed ? Date(d.NoLongerPlacedOn) : null, reversed ? d.ReasonNoLongerPlaced : null));
                    rows[Ssda903Table.PlacedAdoption]++;
                }

                // AD1: a child whose care ended in the year by an adoption order (E11, E12), from the decision that led to it.
                if (episodes[id].Any(e => e.EndedOn is { } left && left <= end && e.ReasonEpisodeCeased is "E11" or "E12")
                    && decisions[id].Where(d => d.AdoptionOrderOn is not null).OrderBy(d => d.DecidedOn).LastOrDefault() is { } adopted)
                {
                    await adoptedOut.WriteLineAsync(Line(
                        child, dob, Date(adopted.DecidedOn), Date(adopted.MatchedOn), adopted.AdoptedByFosterCarers, adopted.NumberOfAdopters, adopted.SexOfAdopters,
                        adopted.LegalStatusOfAdopters));
                    rows[Ssda903Table.Ad1]++;
                }

                // Missing: each period missing or away from placement that started on a day the child was looked after.
                var periods = episodes[id].ToList();
                foreach (var m in missing[id].OrderBy(m => m.StartedAt))
                {
                    var from = UkTime.ToUkDate(m.StartedAt);
                    DateOnly? to = m.EndedAt is { } endedAt ? UkTime.ToUkDate(endedAt) : null;
                    if (from > end || (to is { } t && t < start) || !periods.Exists(e => e.StartedOn <= from && (e.EndedOn is not { } dec || from < dec)))
                    {
                        continue;
                    }

                    await missingOut.WriteLineAsync(Line(child, dob, m.Kind == MissingKind.Missing ? "M" : "A", Date(from), to is { } back && back <= end ? Date(back) : null));
                    rows[Ssda903Table.Missing]++;
                }

                rows[Ssda903Table.SocialWorker] += await WriteSocialWorkerEpisodesAsync(
                    tableWriter(Ssda903Table.SocialWorker), child, dob, periods, allocations[id], numbers, start, end);
            }
        }

        await WriteUascAndPermanenceAsync(ids, tableWriter, rows, uasc, start, end, cancellationToken);
        using (db.BeginProcess(Process, actor))
        {
            db.RecordAccess(PersonIndex.EntityType, "ssda903", AuditAction.Exported, $"SSDA903 return {collection.Name}; children={ids.Count}");
            await db.SaveChangesAsync(cancellationToken);
        }

        var notExported = Ssda903Schema.CurrentTables.Where(t => !Written.Contains(t.Table))
            .Select(t => $"{t.Name}: {WhyNotWritten[t.Table]}; no file is written for it.").ToList();
        rows[Ssda903Table.Oc2] = oc2.Rows;
        return new Ssda903ExportResult(collection, ids.Count, [.. Written.Select(t => (Ssda903Schema.Table(t).Name, FileName(t), rows[t]))], withoutId, notExported)
        {
            Oc2NotRecorded = oc2.NotRecorded,
        };
    }

    /// <summary>
    /// The birthday record (the latest recorded) of each care leaver with a council child id whose 17th to 21st birthday
    /// is in the year and recorded; a birthday in the year with no record is not written (every OC3 item is required).
    /// </summary>
    private async Task<Dictionary<Guid, CareLeaverContact>> CareLeaverBirthdaysAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        var oldest = start.AddYears(-21);
        var youngest = end.AddYears(-17);
        var candidates = db.People.Where(p => p.Kind == PersonKind.Child && p.MergedIntoId == null && p.CouncilChildId != null
            && p.DateOfBirth != null && p.DateOfBirth >= oldest && p.DateOfBirth <= youngest);
        var contacts = await db.Set<CareLeaverContact>().AsNoTracking()
            .Join(candidates, c => c.PersonId, p => p.Id, (c, p) => new { Contact = c, Born = p.DateOfBirth!.Value })
            .ToListAsync(cancellationToken);
        return contacts
            .Where(c => c.Born.AddYears(c.Contact.Birthday) is var day && day >= start && day <= end)
            .GroupBy(c => c.Contact.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Contact.RecordedAt).First().Contact);
    }

    private static string? Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Line(params string?[] values) => string.Join(",", values.Select(Quote));

    private static string Quote(string? value) =>
        value is null ? "" : value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
