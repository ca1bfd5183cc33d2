using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903;
using Safeguard.Journey;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.LookedAfter;

/// <summary>How to import an SSDA903 return.</summary>
public sealed record Ssda903ImportOptions
{
    /// <summary>The collection year the return is checked against.</summary>
    public required CinCollection Collection { get; init; }

    /// <summary>Work out what would change, and write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>How many children are loaded and saved together.</summary>
    public int BatchSize { get; init; } = 500;
}

/// <summary>The kinds of record an SSDA903 import creates or changes, in the order a report lists them.</summary>
public enum Ssda903RecordKind
{
    Child,
    Episode,
    Review,

    /// <summary>A decision to place for adoption, with the adoption that followed it (PlacedAdoption and AD1).</summary>
    AdoptionDecision,

    /// <summary>A period missing or away from placement (Missing), kept as a missing episode.</summary>
    MissingPeriod,

    /// <summary>A care leaver's record at a 17th to 21st birthday (OC3).</summary>
    CareLeaverBirthday,

    /// <summary>A looked-after child's health and wellbeing in the year (OC2).</summary>
    Wellbeing,
    /// <summary>The child's unaccompanied asylum-seeking status (UASC).</summary>
    UascStatus,

    /// <summary>The child's previous permanence option (PrevPerm).</summary>
    PreviousPermanence,
    /// <summary>A social worker episode (SWEpisodes), kept as a casework allocation to the worker (docs/adr/0087).</summary>
    SocialWorkerEpisode,
}

/// <summary>Rows of a table of the return that Safeguard has no record for yet, so were not imported.</summary>
public sealed record Ssda903NotImported(string Table, int Rows, string Why);

/// <summary>What an SSDA903 import did (or, in a dry run, would do).</summary>
public sealed record Ssda903ImportResult(
    CinCollection Collection,
    long Children,
    long Rows,
    bool DryRun,
    IReadOnlyDictionary<Ssda903RecordKind, CensusImportTally> Tallies,
    IReadOnlyList<Ssda903NotImported> NotImported,
    IReadOnlyList<string> Notes)
{
    public int Created => Tallies.Values.Sum(t => t.Created);

    public int Changed => Tallies.Values.Sum(t => t.Changed);

    public int Unchanged => Tallies.Values.Sum(t => t.Unchanged);
}

/// <summary>
/// Loads an SSDA903 return (the CSV tables) into the looked-after records. The return is validated first against
/// the rules of the collection year, and refused whole when it has any error. Children are matched to people by the
/// council's child id (CHILD), as the children in need census import does, and a child Safeguard does not know is
/// created with the placeholder name (<see cref="ImportedChild"/>). Episodes of care are matched by their start
/// (DECOM), reviews by their date; what matches is compared and changed only when it differs, so importing the same
/// return again changes nothing, and a corrected return updates what it corrects. Like the census import it adds
/// and updates, never deletes: a value blank in the return leaves the recorded one. Everything is written in one
/// transaction under the process <see cref="Process"/>, so every record created or changed is in the audit trail.
/// The tables Safeguard has no record for yet are counted and reported, never dropped silently. docs/ssda903.md.
/// </summary>
public sealed partial class Ssda903ImportService(SafeguardDbContext db)
{
    /// <summary>The process the audit trail records an import under.</summary>
    public const string Process = "Ssda903.Import";

    /// <summary>The IRO name of an imported episode or review when no earlier episode of the child names one (the return has none).</summary>
    public const string IroNotRecorded = "Not recorded (SSDA903 return)";

    /// <summary>How many issues a refusal lists (<c>ssda903 validate</c> lists them all).</summary>
    public const int IssuesShown = 10;

    private const int NotesShown = 20;

    /// <summary>Imports the return's tables.</summary>
    /// <exception cref="SafeguardValidationException">
    /// The files cannot be read, the return has errors, or names a child the records cannot take; nothing was imported.
    /// </exception>
    public async Task<Ssda903ImportResult> ImportAsync(IReadOnlyList<Ssda903File> files, Ssda903ImportOptions options, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(actor);
        var thisYear = files.Where(f => !f.LastYear).ToList();
        var issues = new List<Ssda903Issue>();
        Ssda903Return? data = null;
        Ssda903ValidationSummary summary;
        try
        {
            summary = Ssda903Validator.Validate(thisYear, options.Collection, null, i =>
            {
                if (issues.Count < IssuesShown)
                {
                    issues.Add(i);
                }
            }, r => data = r, cancellationToken);
        }
        catch (Ssda903UnreadableException ex)
        {
            throw new SafeguardValidationException("Files", $"{ex.Message} Nothing was imported.");
        }
        catch (ArgumentException ex)
        {
            throw new SafeguardValidationException("Collection", $"{ex.Message} Nothing was imported.");
        }

        if (summary.Errors > 0)
        {
            var problems = new List<ValidationProblem>
            {
                new("Files", $"The return has {Count(summary.Errors, "error")}: a return with errors is refused whole, and nothing was imported."),
            };
            problems.AddRange(issues.Select(i => new ValidationProblem(
                $"{i.Table ?? "File"}{(i.Line is { } line ? $" line {line.ToString(CultureInfo.InvariantCulture)}" : "")}",
                $"{i.Rule}{(i.ChildId is null ? "" : $" (child {i.ChildId})")}: {i.Message}{(i.Fields.Count > 0 ? $" [{string.Join(", ", i.Fields)}]" : "")}")));
            problems.Add(new("Files", "Run 'safeguard ssda903 validate' on the same files for the full list."));
            throw new SafeguardValidationException(problems);
        }

        var run = new Run(db.Time.GetUtcNow(), actor, options.Collection);
        var notImported = new List<Ssda903NotImported>();
        NoteColumnsNotKept(data!, run.Notes);
        IDbContextTransaction? transaction = null;
        IDisposable? process = null;
        try
        {
            if (!options.DryRun)
            {
                transaction = await db.BeginWriteTransactionAsync(cancellationToken);
                process = db.BeginProcess(Process, actor, $"SSDA903 return {options.Collection.Name} ({RecordKeeping.Fit(string.Join(", ", summary.Files.Values), 150)})");
            }

            foreach (var batch in data!.Children.Where(c => c.Header is not null || c.Episodes.Count > 0 || c.Reviews.Count > 0
                || c.PlacedAdoption.Count > 0 || c.Ad1.Count > 0 || c.Missing.Count > 0 || c.Oc3.Count > 0 || c.Oc2.Count > 0
                || c.Uasc.Count > 0 || c.PrevPerm.Count > 0 || c.SocialWorker.Count > 0).Chunk(Math.Max(1, options.BatchSize)))
            {
                await ApplyBatchAsync(run, batch, options.DryRun, cancellationToken);
            }

            if (run.SocialWorkerRowsNotImported > 0)
            {
                notImported.Add(new(Ssda903Schema.Table(Ssda903Table.SocialWorker).Name, run.SocialWorkerRowsNotImported, SocialWorkerRowsNotKept));
            }

            if (run.Problems.Count > 0)
            {
                var problems = run.Problems.Take(IssuesShown * 2).ToList();
                problems.Insert(0, new ValidationProblem("Files", $"{Count(run.Problems.Count, "child", "children")} cannot be imported: nothing was imported."));
                throw new SafeguardValidationException(problems);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            process?.Dispose();
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        run.NoteOc2HealthChecks();
        var notes = run.Notes.Take(NotesShown).ToList();
        if (run.Notes.Count > NotesShown)
        {
            notes.Add($"... and {run.Notes.Count - NotesShown} more notes like these.");
        }

        return new Ssda903ImportResult(options.Collection, run.Children, summary.Rows, options.DryRun, run.Tallies, notImported, notes);
    }

    /// <summary>Notes the columns of the tables Safeguard keeps that its records do not hold (every table has a record now).</summary>
    private static void NoteColumnsNotKept(Ssda903Return data, List<string> notes)
    {
        var mothers = 0;
        var unknownUpn = 0;
        foreach (var child in data.Children)
        {
            if (child.Header is { } header)
            {
                mothers += header.Mother is not null || header.MotherChildDob.Given ? 1 : 0;
                unknownUpn += header.Upn is { } upn && !IsUpn(upn) ? 1 : 0;
            }
        }

        if (mothers > 0)
        {
            notes.Add($"{Count(mothers, "child", "children")}: whether the child is a mother (MOTHER) and her child's date of birth (MC_DOB) are not kept by Safeguard's person record and were not imported.");
        }

        if (unknownUpn > 0)
        {
            notes.Add($"{Count(unknownUpn, "child", "children")}: a UPN code for no UPN (UN1 to UN5) is not kept (the person record holds real UPNs only); an export writes the UPN the record holds.");
        }
    }

    private async Task ApplyBatchAsync(Run run, Ssda903Child[] batch, bool dryRun, CancellationToken cancellationToken)
    {
        var ids = batch.Select(c => c.Id).Distinct(StringComparer.Ordinal).ToList();
        var people = await db.People.Where(p => p.CouncilChildId != null && ids.Contains(p.CouncilChildId)).ToDictionaryAsync(p => p.CouncilChildId!, StringComparer.Ordinal, cancellationToken);
        var personIds = people.Values.Select(p => p.Id).ToList();
        var episodes = (await db.Set<CareEpisode>().Where(e => personIds.Contains(e.PersonId)).ToListAsync(cancellationToken)).ToLookup(e => e.PersonId);
        var reviews = (await db.Set<LookedAfterReview>().Where(r => personIds.Contains(r.PersonId)).ToListAsync(cancellationToken)).ToLookup(r => r.PersonId);
        var decisions = (await db.Set<AdoptionDecision>().Where(d => personIds.Contains(d.PersonId)).ToListAsync(cancellationToken)).ToLookup(d => d.PersonId);
        var birthdays = (await db.Set<CareLeaverContact>().Where(c => personIds.Contains(c.PersonId)).ToListAsync(cancellationToken)).ToLookup(c => c.PersonId);
        var wellbeing = (await db.Set<WellbeingRecord>().Where(w => personIds.Contains(w.PersonId) && w.Year == run.Collection.StartYear).ToListAsync(cancellationToken)).ToLookup(w => w.PersonId);
        var missing = (await db.Set<MissingEpisode>().Where(m => m.PersonId != null && personIds.Contains(m.PersonId.Value)).ToListAsync(cancellationToken)).ToLookup(m => m.PersonId!.Value);
        var uascAndPermanence = await UascAndPermanenceAsync(personIds, cancellationToken);
        var workers = await SocialWorkersAsync(batch, cancellationToken);
        var (needs, allocations) = await CaseworkAsync(batch, personIds, cancellationToken);
        if (run.MissingAgencyId is null && batch.Any(c => c.Missing.Count > 0))
        {
            run.MissingAgencyId = await MissingAgencyAsync(run.Actor, cancellationToken);
        }

        var upns = batch.Select(c => c.Header?.Upn).Where(u => u is not null && IsUpn(u)).Select(u => UniquePupilNumber.Normalise(u!)).Distinct(StringComparer.Ordinal).ToList();
        var upnHolders = await db.People.AsNoTracking().Where(p => p.Upn != null && upns.Contains(p.Upn) && p.MergedIntoId == null)
            .Select(p => new { p.Upn, p.CouncilChildId }).ToListAsync(cancellationToken);
        foreach (var child in batch)
        {
            run.Children++;
            var where = Where(child);
            if (!ImportedChild.IsCouncilChildId(child.Id))
            {
                run.Problems.Add(new(where, $"The CHILD '{child.Id}' cannot be a council child id in Safeguard: it must be 10 letters or digits at most"));
                continue;
            }

            people.TryGetValue(child.Id, out var person);
            if (person is not null && (person.Kind != PersonKind.Child || person.MergedIntoId is not null))
            {
                run.Problems.Add(new(where, $"The CHILD {child.Id} is on a record that was merged into another (record {person.Id}): put the id on the surviving record first"));
                continue;
            }

            var upn = child.Header?.Upn is { } given && IsUpn(given) ? UniquePupilNumber.Normalise(given) : null;
            if (upn is not null && upnHolders.FirstOrDefault(h => h.Upn == upn && h.CouncilChildId != child.Id) is { } holder)
            {
                run.Problems.Add(new(where, $"Child {child.Id}: the UPN {upn} is already on the record of {(holder.CouncilChildId is null ? "another person" : $"child {holder.CouncilChildId}")}"));
                continue;
            }

            var isNew = person is null;
            if (person is null)
            {
                person = ImportedChild.Create(child.Id, run.Now);
                db.Add(person);
                people[child.Id] = person;
                run.Tallies[Ssda903RecordKind.Child].Created++;
            }

            var changed = false;
            if (child.Header is { } header)
            {
                Run.Set(ref changed, person.Sex, header.Sex switch { "1" => "M", "2" => "F", _ => null }, v => person.Sex = v);
                Run.Set(ref changed, person.Ethnicity, header.Ethnic, v => person.Ethnicity = v);
                Run.Set(ref changed, person.Upn, upn, v => person.Upn = v);
                if (header.Dob.Value is { } dob && person.DateOfBirth != dob)
                {
                    person.DateOfBirth = dob;
                    changed = true;
                }
            }

            if (!isNew)
            {
                run.Tally(Ssda903RecordKind.Child, changed);
            }

            var recorded = isNew ? [] : episodes[person.Id].ToList();
            run.ApplyEpisodes(db, person, child, recorded);
            run.ApplyReviews(db, person, child, recorded, isNew ? [] : [.. reviews[person.Id]]);
            run.ApplyAdoptions(db, person, child, recorded, isNew ? [] : [.. decisions[person.Id]]);
            run.ApplyMissing(db, person, child, isNew ? [] : [.. missing[person.Id]]);
            run.ApplyCareLeaver(db, person, child, isNew ? [] : [.. birthdays[person.Id]]);
            run.ApplyOc2(db, person, child, isNew ? null : wellbeing[person.Id].SingleOrDefault());
            run.ApplyUascAndPermanence(db, person, child, uascAndPermanence);
            run.ApplySocialWorkers(db, person, child, isNew ? [] : [.. needs[person.Id]], isNew ? [] : [.. allocations[person.Id]], workers);
        }

        if (!dryRun && run.Problems.Count == 0)
        {
            await db.SaveWithNewRecordsInBulkAsync(null, cancellationToken);
        }

        db.ChangeTracker.Clear();
    }

    private static string Where(Ssda903Child child) =>
        child.Header is { } header ? $"Header line {header.Line.ToString(CultureInfo.InvariantCulture)}"
        : child.Episodes.Count > 0 ? $"Episodes line {child.Episodes[0].Line.ToString(CultureInfo.InvariantCulture)}"
        : child.Reviews.Count > 0 ? $"Reviews line {child.Reviews[0].Line.ToString(CultureInfo.InvariantCulture)}"
        : child.PlacedAdoption.Count > 0 ? $"PlacedAdoption line {child.PlacedAdoption[0].Line.ToString(CultureInfo.InvariantCulture)}"
        : child.Ad1.Count > 0 ? $"AD1 line {child.Ad1[0].Line.ToString(CultureInfo.InvariantCulture)}"
        : child.Missing.Count > 0 ? $"Missing line {child.Missing[0].Line.ToString(CultureInfo.InvariantCulture)}"
        : child.Oc3.Count > 0 ? $"OC3 line {child.Oc3[0].Line.ToString(CultureInfo.InvariantCulture)}"
        : child.Oc2.Count > 0 ? $"OC2 line {child.Oc2[0].Line.ToString(CultureInfo.InvariantCulture)}"
        : child.Uasc.Count > 0 ? $"UASC line {child.Uasc[0].Line.ToString(CultureInfo.InvariantCulture)}"
        : child.PrevPerm.Count > 0 ? $"PrevPerm line {child.PrevPerm[0].Line.ToString(CultureInfo.InvariantCulture)}"
        : $"SWEpisodes line {child.SocialWorker[0].Line.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A real UPN, not one of the codes for none (UN1 to UN5).</summary>
    private static bool IsUpn(string upn) => !upn.StartsWith("UN", StringComparison.OrdinalIgnoreCase) && upn.Trim().Length == 13;

    private static string Count(long count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";

    /// <summary>The state of one import: the tallies, notes and problems, and how records are matched and changed.</summary>
    private sealed partial class Run(DateTimeOffset now, Actor actor, CinCollection collection)
    {
        public DateTimeOffset Now => now;

        public CinCollection Collection => collection;

        public Actor Actor => actor;

        /// <summary>The agency a missing period taken from the return is recorded under (the importer's, else children's social care).</summary>
        public Guid? MissingAgencyId { get; set; }

        public long Children { get; set; }

        public Dictionary<Ssda903RecordKind, CensusImportTally> Tallies { get; } = Enum.GetValues<Ssda903RecordKind>().ToDictionary(k => k, _ => new CensusImportTally());

        public List<ValidationProblem> Problems { get; } = [];

        public List<string> Notes { get; } = [];

        public void Tally(Ssda903RecordKind kind, bool changed)
        {
            if (changed)
            {
                Tallies[kind].Changed++;
            }
            else
            {
                Tallies[kind].Unchanged++;
            }
        }

        /// <summary>Takes the return's value when it has one and it differs; a blank leaves the recorded one.</summary>
        public static void Set(ref bool changed, string? current, string? wanted, Action<string> set)
        {
            if (wanted is not null && !string.Equals(current, wanted, StringComparison.Ordinal))
            {
                set(wanted);
                changed = true;
            }
        }

        private string? Postcode(string? value, Ssda903Episode source, string column)
        {
            var postcode = value?.Trim().ToUpperInvariant();
            if (postcode is { Length: > CareEpisode.MaxPostcodeLength })
            {
                Problems.Add(new($"Episodes line {source.Line.ToString(CultureInfo.InvariantCulture)}",
                    $"Child {source.Child}: the {column} '{value}' is longer than a postcode ({CareEpisode.MaxPostcodeLength} characters)"));
                return null;
            }

            return postcode;
        }
    }
}
