using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Interchange.Cin;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Journey;

/// <summary>How to import a census file.</summary>
public sealed record CensusImportOptions
{
    /// <summary>The collection year; null: from the file's reference date.</summary>
    public CinCollection? Collection { get; init; }

    /// <summary>Import a file whose only issues are queries (a file with any error is always refused).</summary>
    public bool AcceptQueries { get; init; }

    /// <summary>Work out what would change, and write nothing.</summary>
    public bool DryRun { get; init; }

    /// <summary>How many children are loaded and saved together.</summary>
    public int BatchSize { get; init; } = 2000;
}

/// <summary>The kinds of record an import creates or changes, in the order a report lists them.</summary>
public enum CensusRecordKind
{
    Child,
    Episode,
    Assessment,
    CinPlan,
    StrategyDiscussion,
    Section47Enquiry,
    InitialConference,
    ProtectionPlan,
    ReviewConference,
}

/// <summary>How many records of one kind an import created, changed and found unchanged.</summary>
public sealed class CensusImportTally
{
    public int Created { get; internal set; }

    public int Changed { get; internal set; }

    public int Unchanged { get; internal set; }
}

/// <summary>What an import did (or, in a dry run, would do).</summary>
public sealed record CensusImportResult(
    string FileName,
    CinCollection Collection,
    long Children,
    long Queries,
    bool DryRun,
    IReadOnlyDictionary<CensusRecordKind, CensusImportTally> Tallies,
    IReadOnlyList<string> Notes)
{
    public int Created => Tallies.Values.Sum(t => t.Created);

    public int Changed => Tallies.Values.Sum(t => t.Changed);

    public int Unchanged => Tallies.Values.Sum(t => t.Unchanged);
}

/// <summary>
/// Loads a children in need census file into the child's journey records. The file is read once: each child is
/// checked by the validator and then loaded, in batches, in one transaction; a file with an error (or with queries
/// not accepted) is refused whole and the transaction rolled back. Children are matched by LAchildID, episodes by
/// referral date within the child, and each record by its start date within the episode. What matches is compared
/// and changed only when it differs, so importing the same file twice changes nothing; a child whose census content
/// is what the import last applied, with no other change to its records since, is skipped by its stored digest
/// (<see cref="CensusDigest"/>, docs/adr/0034). The import adds and updates; it never deletes or clears what
/// Safeguard holds (an absent value in the file leaves the recorded one). docs/cin-census.md has the details.
/// </summary>
public sealed partial class CensusImportService(SafeguardDbContext db, CalendarAdministration calendar)
{
    /// <summary>The process the audit trail records an import under.</summary>
    public const string Process = "Cin.Import";

    /// <summary>How many issues a refusal lists (the rest are counted; <c>cin validate</c> lists them all).</summary>
    public const int IssuesShown = 5;

    private const int NotesShown = 20;

    /// <summary>Imports the census file at <paramref name="path"/>.</summary>
    /// <exception cref="SafeguardValidationException">
    /// The file cannot be read, is of another collection, has errors (or queries not accepted), or names a
    /// child the records cannot take; nothing was imported.
    /// </exception>
    public async Task<CensusImportResult> ImportAsync(string path, CensusImportOptions options, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(actor);
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new SafeguardValidationException("File", $"{path}: no such file.");
        }

        var workingDays = await calendar.CalendarAsync(cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var tallies = Enum.GetValues<CensusRecordKind>().ToDictionary(k => k, _ => new CensusImportTally());
        var run = new ImportRun(db, (rule, anchor) => deadlines.Calculate(rule, anchor), tallies, db.Time.GetUtcNow())
        {
            WorkingDays = workingDays,
            Today = UkTime.Today(db.Time),
        };

        // One read of the file: the validator reads and checks each child (on threads of its own) and hands it on;
        // children are loaded in batches inside one transaction while the rest of the file is still being checked.
        // Once an issue refuses the file nothing more is loaded, the file is still read to the end for the counts,
        // and the transaction is rolled back: the refusal is the one validating first would give.
        // Children are handed over a batch at a time (not one by one), so the two sides wake each other once a
        // batch rather than once a child: on a busy machine the hand-over otherwise costs more than the checking.
        var check = new FileCheck(options.AcceptQueries);
        var batchSize = Math.Max(1, options.BatchSize);
        using var batches = new System.Collections.Concurrent.BlockingCollection<List<(CinChild Child, byte[] Digest)>>(boundedCapacity: 2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var validation = Task.Run(
            () =>
            {
                try
                {
                    var checkedChildren = new List<(CinChild Child, byte[] Digest)>(batchSize);
                    using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                    var result = new CinValidator(workingDays).Validate(
                        stream, fileName, new CinReaderOptions { Collection = options.Collection }, check.Observe, check.Opened,
                        child =>
                        {
                            checkedChildren.Add((child, CensusDigest.Of(child)));
                            if (checkedChildren.Count >= batchSize)
                            {
                                batches.Add(checkedChildren, stop.Token);
                                checkedChildren = new List<(CinChild Child, byte[] Digest)>(batchSize);
                            }
                        },
                        stop.Token);

                    // The last children are handed over once the whole-return rules have run too.
                    if (checkedChildren.Count > 0)
                    {
                        batches.Add(checkedChildren, stop.Token);
                    }

                    return result;
                }
                finally
                {
                    batches.CompleteAdding();
                }
            },
            CancellationToken.None);

        IDbContextTransaction? transaction = null;
        IDisposable? process = null;
        CinValidationSummary summary;
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable(stop.Token))
            {
                if (check.Refused)
                {
                    continue; // Read on for the counts; load nothing more.
                }

                if (!options.DryRun && transaction is null)
                {
                    transaction = await db.BeginWriteTransactionAsync(cancellationToken);
                    process = db.BeginProcess(Process, actor, $"Census file {RecordKeeping.Fit(fileName, 200)} ({check.Collection!.Name})");
                }

                await ApplyBatchAsync(run, batch, options.DryRun, cancellationToken);
            }

            summary = await ValidationAsync(validation, fileName);
            Refuse(summary, check, fileName);
            if (run.Problems.Count > 0)
            {
                var problems = run.Problems.Take(IssuesShown * 2).ToList();
                problems.Insert(0, new ValidationProblem("File", $"{fileName}: {Count(run.Problems.Count, "child")} cannot be imported: nothing was imported."));
                throw new SafeguardValidationException(problems);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (!validation.IsCompleted)
        {
            // Loading failed part way: stop the reading, and report the failure that came first.
            await stop.CancelAsync();
            try
            {
                await ValidationAsync(validation, fileName);
            }
            catch (Exception) when (ex is not OperationCanceledException || cancellationToken.IsCancellationRequested)
            {
                // The loading's own failure is the one to report.
            }

            throw;
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

        var notes = run.Notes.Take(NotesShown).ToList();
        if (run.Notes.Count > NotesShown)
        {
            notes.Add($"... and {run.Notes.Count - NotesShown} more notes like these.");
        }

        return new CensusImportResult(fileName, summary.Collection, run.Children, summary.Queries, options.DryRun, tallies, notes);
    }

    /// <summary>The validation's summary, or its failure as the import reports it.</summary>
    private static async Task<CinValidationSummary> ValidationAsync(Task<CinValidationSummary> validation, string fileName)
    {
        try
        {
            return await validation;
        }
        catch (CinUnreadableException ex)
        {
            throw new SafeguardValidationException("File", $"{ex.Message}. Nothing was imported.");
        }
        catch (ArgumentException ex)
        {
            throw new SafeguardValidationException("Collection", $"{fileName}: {ex.Message} Nothing was imported.");
        }
    }

    /// <summary>Refuses a file of another collection, or with errors (or with queries not accepted).</summary>
    private static void Refuse(CinValidationSummary summary, FileCheck check, string fileName)
    {
        if (summary.Header.ReferenceDate is { } reference && reference != summary.Collection.ReferenceDate)
        {
            var line = summary.Header.ReferenceDateLine > 0 ? $"line {summary.Header.ReferenceDateLine}: " : "";
            throw new SafeguardValidationException("Collection",
                $"{fileName}: {line}the reference date {reference:yyyy-MM-dd} belongs to the {CinCollection.Containing(reference).Name} collection, not {summary.Collection.Name}. Nothing was imported.");
        }

        if (!check.Refused)
        {
            return;
        }

        var problems = new List<ValidationProblem>
        {
            new("File", summary.Errors > 0
                ? $"{fileName} has {Count(summary.Errors, "error")} and {Count(summary.Queries, "query", "queries")}: a file with errors is refused whole, and nothing was imported."
                : $"{fileName} has {Count(summary.Queries, "query", "queries")}: nothing was imported. Fix them, or give --accept-queries once each is explained."),
        };
        problems.AddRange(check.Blocking.Select(i => new ValidationProblem(
            i.Line is { } line ? $"line {line.ToString(CultureInfo.InvariantCulture)}" : "File",
            $"{i.Rule} {i.SeverityText}{(i.ChildId is null ? "" : $" (child {i.ChildId})")}: {i.Message}")));
        problems.Add(new("File", $"Run 'safeguard cin validate {fileName}' for the full list."));
        throw new SafeguardValidationException(problems);
    }

    /// <summary>
    /// What the validation has found so far that refuses the file, written on the validator's threads and read on
    /// the loading one: an issue that blocks the import, or a reference date of another collection.
    /// </summary>
    private sealed class FileCheck(bool acceptQueries)
    {
        private readonly List<CinIssue> _blocking = [];
        private volatile bool _refused;

        public CinCollection? Collection { get; private set; }

        public bool Refused => _refused;

        /// <summary>The first blocking issues, in file order (the refusal lists them).</summary>
        public IReadOnlyList<CinIssue> Blocking
        {
            get
            {
                lock (_blocking)
                {
                    return [.. _blocking];
                }
            }
        }

        public void Opened(CinCollection collection, CinHeader header)
        {
            Collection = collection;
            if (header.ReferenceDate is { } reference && reference != collection.ReferenceDate)
            {
                _refused = true;
            }
        }

        public void Observe(CinIssue issue)
        {
            if (issue.Severity == CinSeverity.Error || !acceptQueries)
            {
                lock (_blocking)
                {
                    if (_blocking.Count < IssuesShown)
                    {
                        _blocking.Add(issue);
                    }
                }

                _refused = true;
            }
        }
    }

    private async Task ApplyBatchAsync(ImportRun run, List<(CinChild Child, byte[] Digest)> batch, bool dryRun, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var ids = batch.Select(c => ChildId(c.Child.LaChildId)).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();

        // A child whose census content is what the import last applied to its records, none of which has changed
        // since (any other change deletes the digest: docs/adr/0034), would change nothing: it is not loaded.
        var stored = await (
                from p in db.People.AsNoTracking()
                where p.CouncilChildId != null && ids.Contains(p.CouncilChildId) && p.Kind == PersonKind.Child && p.MergedIntoId == null
                join d in db.CensusDigests on p.Id equals d.PersonId
                select new { p.CouncilChildId, d.Digest })
            .ToDictionaryAsync(x => x.CouncilChildId!, x => x.Digest, StringComparer.Ordinal, cancellationToken);
        var unchanged = batch.Where(c => stored.TryGetValue(ChildId(c.Child.LaChildId), out var digest) && digest.AsSpan().SequenceEqual(c.Digest))
            .Select(c => ChildId(c.Child.LaChildId)).ToHashSet(StringComparer.Ordinal);
        var toLoad = unchanged.Count == 0 ? ids : ids.Where(id => !unchanged.Contains(id)).ToList();

        var people = toLoad.Count == 0 ? [] : await db.People.Where(p => p.CouncilChildId != null && toLoad.Contains(p.CouncilChildId)).ToListAsync(cancellationToken);
        var personIds = people.Select(p => p.Id).ToList();
        var episodes = personIds.Count == 0 ? [] : await CensusRecords.LoadTrackedAsync(db, personIds, cancellationToken);
        var created = new List<(Person Person, List<NeedEpisode> Episodes)>();
        var digests = new List<CensusDigest>();
        var replaced = new List<Guid>(); // the children applied who were known, whose digests (if any) are replaced
        var upns = batch.Select(c => string.IsNullOrWhiteSpace(c.Child.Upn) ? null : UniquePupilNumber.Normalise(c.Child.Upn)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var upnHolders = await db.People.AsNoTracking()
            .Where(p => p.Upn != null && upns.Contains(p.Upn) && p.MergedIntoId == null)
            .Select(p => new { p.Upn, p.CouncilChildId })
            .ToListAsync(cancellationToken);

        var byChildId = people.ToDictionary(p => p.CouncilChildId!, StringComparer.Ordinal);
        var episodesByPerson = episodes.ToLookup(e => e.PersonId);
        foreach (var (child, digest) in batch)
        {
            run.Children++;
            var id = ChildId(child.LaChildId);
            var where = $"line {child.LineOf(CinField.LaChildId).ToString(CultureInfo.InvariantCulture)}";
            if (!ImportedChild.IsCouncilChildId(id))
            {
                run.Problems.Add(new(where, $"The LAchildID '{child.LaChildId}' cannot be a council child id in Safeguard: it must be 10 letters or digits at most"));
                continue;
            }

            byChildId.TryGetValue(id, out var person);
            if (person is not null && (person.Kind != PersonKind.Child || person.MergedIntoId is not null))
            {
                run.Problems.Add(new(where, $"The LAchildID {id} is on a record that was merged into another (record {person.Id}): put the id on the surviving record first"));
                continue;
            }

            var upn = string.IsNullOrWhiteSpace(child.Upn) ? null : UniquePupilNumber.Normalise(child.Upn);
            if (upn is not null && upnHolders.FirstOrDefault(h => h.Upn == upn && h.CouncilChildId != id) is { } holder)
            {
                run.Problems.Add(new($"line {child.LineOf(CinField.Upn).ToString(CultureInfo.InvariantCulture)}",
                    $"Child {id}: the UPN {upn} is already on the record of {(holder.CouncilChildId is null ? "another person" : $"child {holder.CouncilChildId}")}"));
                continue;
            }

            if (unchanged.Contains(id))
            {
                run.CountUnchanged(id, child);
                continue;
            }

            var isNew = person is null;
            if (person is null)
            {
                person = run.NewChild(id);
                byChildId[id] = person;
            }

            digests.Add(new CensusDigest { PersonId = person.Id, Digest = digest });
            if (!isNew)
            {
                replaced.Add(person.Id);
            }

            var recorded = isNew ? [] : episodesByPerson[person.Id].ToList();
            if (isNew)
            {
                created.Add((person, recorded));
            }

            var asRecorded = recorded.Count == 0 ? null : CensusProjection.Project(person, recorded);
            var changesBefore = run.Changes;
            run.ApplyPerson(person, child, upn, isNew);
            run.ApplyEpisodes(person, child, recorded, isNew);
            if (run.Changes == changesBefore)
            {
                continue; // Nothing of this child changed, so the rules find what they found before.
            }

            // The file passed the rules on its own; merged with what Safeguard already holds it must still pass them.
            var before = asRecorded is null ? [] : JourneyRules.Check(asRecorded, run.WorkingDays, run.Today);
            var after = JourneyRules.Check(CensusProjection.Project(person, recorded), run.WorkingDays, run.Today);
            foreach (var issue in JourneyRules.Introduced(before, after).Where(i => i.Severity == CinSeverity.Error))
            {
                run.Problems.Add(new(where, $"Child {id}, with the records Safeguard already holds: {JourneyRules.Describe(issue)}"));
            }
        }

        if (!dryRun && run.Problems.Count == 0)
        {
            // New records go in as multi-row inserts, each with its own audit event (docs/adr/0022): the children
            // Safeguard did not know are built untracked, with all their records; new records of known children
            // are tracked. Changed records are saved as any other change (which deletes their children's digests).
            await db.SaveWithNewRecordsInBulkAsync(created.SelectMany(c => CensusRecords.Graph(c.Person, c.Episodes)), cancellationToken);

            // Then each child applied records the content it now holds: derived data, not audited (docs/adr/0034).
            if (replaced.Count > 0)
            {
                await db.CensusDigests.Where(d => replaced.Contains(d.PersonId)).ExecuteDeleteAsync(cancellationToken);
            }

            if (digests.Count > 0)
            {
                await BulkInsert.InsertRowsAsync(db, db.Model.FindEntityType(typeof(CensusDigest))!, digests, cancellationToken);
            }
        }

        db.ChangeTracker.Clear();
    }

    private static string ChildId(string? laChildId) => laChildId?.Trim().ToUpperInvariant() ?? "";

    private static string Count(long count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";
}
