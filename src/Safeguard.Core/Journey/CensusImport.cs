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
    public int BatchSize { get; init; } = 500;
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
public sealed class CensusImportService(SafeguardDbContext db, CalendarAdministration calendar)
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
        var check = new FileCheck(options.AcceptQueries);
        using var children = new System.Collections.Concurrent.BlockingCollection<(CinChild Child, byte[] Digest)>(boundedCapacity: Math.Max(1, options.BatchSize) * 2);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var validation = Task.Run(
            () =>
            {
                try
                {
                    using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                    return new CinValidator(workingDays).Validate(
                        stream, fileName, new CinReaderOptions { Collection = options.Collection }, check.Observe, check.Opened,
                        child => children.Add((child, CensusDigest.Of(child)), stop.Token), stop.Token);
                }
                finally
                {
                    children.CompleteAdding();
                }
            },
            CancellationToken.None);

        IDbContextTransaction? transaction = null;
        IDisposable? process = null;
        CinValidationSummary summary;
        try
        {
            var batch = new List<(CinChild Child, byte[] Digest)>(Math.Max(1, options.BatchSize));
            async Task ApplyAsync()
            {
                if (!options.DryRun && transaction is null)
                {
                    transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                    process = db.BeginProcess(Process, actor, $"Census file {Truncate(fileName, 200)} ({check.Collection!.Name})");
                }

                await ApplyBatchAsync(run, batch, options.DryRun, cancellationToken);
                batch.Clear();
            }

            foreach (var item in children.GetConsumingEnumerable(stop.Token))
            {
                if (check.Refused)
                {
                    continue; // Read on for the counts; load nothing more.
                }

                batch.Add(item);
                if (batch.Count >= options.BatchSize)
                {
                    await ApplyAsync();
                }
            }

            summary = await ValidationAsync(validation, fileName);
            if (!check.Refused && batch.Count > 0)
            {
                await ApplyAsync();
            }

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
            if (id.Length is 0 or > 10 || !id.All(char.IsAsciiLetterOrDigit))
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
            if (digests.Count > 0)
            {
                var applied = digests.Select(d => d.PersonId).ToList();
                await db.CensusDigests.Where(d => applied.Contains(d.PersonId)).ExecuteDeleteAsync(cancellationToken);
                await BulkInsert.InsertRowsAsync(db, db.Model.FindEntityType(typeof(CensusDigest))!, digests, cancellationToken);
            }
        }

        db.ChangeTracker.Clear();
    }

    private static string ChildId(string? laChildId) => laChildId?.Trim().ToUpperInvariant() ?? "";

    private static string Count(long count, string one, string? many = null) =>
        $"{count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? one : many ?? one + "s")}";

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>The state of one import: the tallies, notes and problems, and how records are matched and changed.</summary>
    private sealed class ImportRun(
        SafeguardDbContext db, Func<string, DateOnly, Timescales.Deadline> deadline, Dictionary<CensusRecordKind, CensusImportTally> tallies, DateTimeOffset now)
    {
        public long Children { get; set; }

        public required WorkingDayCalendar WorkingDays { get; init; }

        public DateOnly Today { get; init; }

        public List<ValidationProblem> Problems { get; } = [];

        /// <summary>How many records have been created or changed so far.</summary>
        public int Changes
        {
            get
            {
                var changes = 0;
                foreach (var tally in tallies.Values)
                {
                    changes += tally.Created + tally.Changed;
                }

                return changes;
            }
        }

        public List<string> Notes { get; } = [];

        /// <summary>A new child with the placeholder name, not yet tracked: the caller saves it with its records.</summary>
        public Person NewChild(string id)
        {
            var person = new Person
            {
                Kind = PersonKind.Child,
                CouncilChildId = id,
                DisplayName = $"Child {id}",
                CreatedAt = now,
            };
            person.Names.Add(new PersonName
            {
                PersonId = person.Id,
                Kind = PersonNameKind.Current,
                GivenNames = "Child",
                FamilyName = id,
                SearchKey = NameMatching.SearchKey("Child", id),
                FamilySoundex = NameMatching.Soundex(id),
            });
            tallies[CensusRecordKind.Child].Created++;
            return person;
        }

        public void ApplyPerson(Person person, CinChild child, string? upn, bool isNew)
        {
            var changed = false;
            Set(ref changed, person.Upn, upn, v => person.Upn = v);
            Set(ref changed, person.Sex, child.Sex is "M" or "F" or "U" ? child.Sex : null, v => person.Sex = v);
            Set(ref changed, person.Ethnicity, Code(child.Ethnicity), v => person.Ethnicity = v);
            var disabilities = child.Disabilities.Select(d => d.Trim().ToUpperInvariant()).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            Set(ref changed, person.Disabilities, disabilities.Count == 0 ? null : string.Join(',', disabilities), v => person.Disabilities = v);
            SetDate(ref changed, person.DateOfBirth, child.BirthDate, v => person.DateOfBirth = v);
            SetDate(ref changed, person.ExpectedDateOfBirth, child.ExpectedBirthDate, v => person.ExpectedDateOfBirth = v);
            if (!isNew)
            {
                Tally(CensusRecordKind.Child, changed);
            }

            if (child.DeathDate is not null || child.FormerUpn is not null)
            {
                Notes.Add($"Child {person.CouncilChildId}: the date of death and former UPN are not kept by Safeguard's person record and were not imported.");
            }
        }

        /// <summary>
        /// Counts a child skipped as unchanged (its digest matched) as applying it again would have: every record the
        /// file has for it unchanged; with the notes applying it gives.
        /// </summary>
        public void CountUnchanged(string id, CinChild child)
        {
            tallies[CensusRecordKind.Child].Unchanged++;
            if (child.DeathDate is not null || child.FormerUpn is not null)
            {
                Notes.Add($"Child {id}: the date of death and former UPN are not kept by Safeguard's person record and were not imported.");
            }

            foreach (var episode in child.Episodes.Where(e => e.ReferralDate is not null))
            {
                tallies[CensusRecordKind.Episode].Unchanged++;
                tallies[CensusRecordKind.Assessment].Unchanged += episode.Assessments.Count(a => a.StartDate is not null);
                tallies[CensusRecordKind.CinPlan].Unchanged += episode.CinPlans.Count(p => p.StartDate is not null);
                foreach (var enquiry in episode.Section47Enquiries.Where(s => s.StartDate is not null))
                {
                    tallies[CensusRecordKind.StrategyDiscussion].Unchanged++;
                    tallies[CensusRecordKind.Section47Enquiry].Unchanged++;
                    if (enquiry.DateOfInitialCpc is not null)
                    {
                        tallies[CensusRecordKind.InitialConference].Unchanged++;
                    }
                }

                if (episode.DateOfInitialCpc is { } conference && !episode.Section47Enquiries.Any(s => s.StartDate is not null && s.DateOfInitialCpc == conference))
                {
                    Notes.Add($"Child {id}, episode referred {episode.ReferralDate:yyyy-MM-dd}: the initial conference of {conference:yyyy-MM-dd} has no section 47 enquiry in the file and was not kept (Safeguard records a conference on its enquiry).");
                }

                foreach (var plan in episode.ProtectionPlans.Where(p => p.StartDate is not null && p.InitialCategoryOfAbuse is not null))
                {
                    tallies[CensusRecordKind.ProtectionPlan].Unchanged++;
                    tallies[CensusRecordKind.ReviewConference].Unchanged += plan.Reviews.Select(r => r.Date).OfType<DateOnly>().Distinct().Count();
                }
            }
        }

        /// <summary>
        /// Matches and applies the child's episodes; new episodes of a child already known are tracked, those of a
        /// new child (<paramref name="personIsNew"/>) are only added to <paramref name="recorded"/>.
        /// </summary>
        public void ApplyEpisodes(Person person, CinChild child, List<NeedEpisode> recorded, bool personIsNew)
        {
            foreach (var group in child.Episodes.Where(e => e.ReferralDate is not null).GroupBy(e => e.ReferralDate!.Value))
            {
                var existing = recorded.Where(e => e.ReferralDate == group.Key).OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToList();
                var index = 0;
                foreach (var source in group)
                {
                    var episode = index < existing.Count ? existing[index] : null;
                    index++;
                    var isNew = episode is null;
                    if (episode is null)
                    {
                        episode = new NeedEpisode { PersonId = person.Id, ReferralDate = group.Key, ReferralSource = Code(source.ReferralSource) ?? "", CreatedAt = now };
                        if (!personIsNew)
                        {
                            db.NeedEpisodes.Add(episode);
                        }

                        recorded.Add(episode);
                        tallies[CensusRecordKind.Episode].Created++;
                    }

                    var changed = false;
                    Set(ref changed, episode.ReferralSource, Code(source.ReferralSource), v => episode.ReferralSource = v);
                    Set(ref changed, episode.PrimaryNeedCode, Code(source.PrimaryNeedCode), v => episode.PrimaryNeedCode = v);
                    if (source.ReferralNfa is { } nfa && episode.ReferralNfa != nfa)
                    {
                        episode.ReferralNfa = nfa;
                        changed = true;
                    }

                    SetDate(ref changed, episode.ClosureDate, source.ClosureDate, v => episode.ClosureDate = v);
                    Set(ref changed, episode.ReasonForClosure, Code(source.ReasonForClosure), v => episode.ReasonForClosure = v);
                    var recordsChanged = ApplyRecords(person, episode, source);
                    if (!isNew)
                    {
                        Tally(CensusRecordKind.Episode, changed);
                        if (recordsChanged && !changed)
                        {
                            // The episode is saved too, so every change to its records raises its version.
                            db.Entry(episode).State = EntityState.Modified;
                        }
                    }
                }
            }
        }

        private bool ApplyRecords(Person person, NeedEpisode episode, CinEpisode source)
        {
            var any = false;
            foreach (var a in source.Assessments.Where(a => a.StartDate is not null))
            {
                var assessment = episode.Assessments.FirstOrDefault(x => x.StartDate == a.StartDate);
                var isNew = assessment is null;
                if (assessment is null)
                {
                    assessment = new CaseAssessment { EpisodeId = episode.Id, StartDate = a.StartDate!.Value };
                    episode.Assessments.Add(assessment);
                }

                var changed = false;
                SetDate(ref changed, assessment.AuthorisationDate, a.AuthorisationDate, v => assessment.AuthorisationDate = v);
                var factors = a.Factors.Select(f => f.Trim().ToUpperInvariant()).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
                Set(ref changed, assessment.Factors, factors.Count == 0 ? null : string.Join(',', factors), v => assessment.Factors = v);
                any |= Count(CensusRecordKind.Assessment, isNew, changed);
            }

            foreach (var p in source.CinPlans.Where(p => p.StartDate is not null))
            {
                var plan = episode.CinPlans.FirstOrDefault(x => x.StartDate == p.StartDate);
                var isNew = plan is null;
                if (plan is null)
                {
                    plan = new ChildInNeedPlan { EpisodeId = episode.Id, StartDate = p.StartDate!.Value };
                    episode.CinPlans.Add(plan);
                }

                var changed = false;
                SetDate(ref changed, plan.EndDate, p.EndDate, v => plan.EndDate = v);
                any |= Count(CensusRecordKind.CinPlan, isNew, changed);
            }

            foreach (var s in source.Section47Enquiries.Where(s => s.StartDate is not null))
            {
                var start = s.StartDate!.Value;
                var enquiry = episode.Enquiries.FirstOrDefault(x => x.StartDate == start);
                var isNew = enquiry is null;
                if (enquiry is null)
                {
                    // The journey records every enquiry as started by a strategy discussion; the census has none,
                    // so one is recorded on the enquiry's start date with the outcome that started it.
                    var discussion = new StrategyDiscussion { EpisodeId = episode.Id, Date = start, Outcome = StrategyOutcome.Section47 };
                    episode.StrategyDiscussions.Add(discussion);
                    tallies[CensusRecordKind.StrategyDiscussion].Created++;
                    enquiry = new S47Enquiry
                    {
                        EpisodeId = episode.Id,
                        StrategyDiscussionId = discussion.Id,
                        StartDate = start,
                        IcpcTargetDate = s.InitialCpcTarget ?? deadline("icpc", start).DueDate,
                    };
                    episode.Enquiries.Add(enquiry);
                }
                else
                {
                    tallies[CensusRecordKind.StrategyDiscussion].Unchanged++;
                }

                var changed = false;
                SetDate(ref changed, enquiry.IcpcTargetDate, s.InitialCpcTarget, v => enquiry.IcpcTargetDate = v!.Value);
                if (s.IcpcNotRequired is { } notRequired && enquiry.IcpcNotRequired != notRequired)
                {
                    enquiry.IcpcNotRequired = notRequired;
                    changed = true;
                }

                any |= Count(CensusRecordKind.Section47Enquiry, isNew, changed);
                if (s.DateOfInitialCpc is { } conference)
                {
                    var held = enquiry.ConferenceDate;
                    var conferenceChanged = held != conference;
                    enquiry.ConferenceDate = conference;
                    if (enquiry.ConferenceOutcome is null)
                    {
                        // The census does not record the conference's decision: a plan starting that day says it was one.
                        enquiry.ConferenceOutcome = source.ProtectionPlans.Any(p => p.StartDate == conference) ? ConferenceOutcome.Plan : ConferenceOutcome.NoPlan;
                        conferenceChanged = true;
                    }

                    any |= Count(CensusRecordKind.InitialConference, held is null, conferenceChanged && held is not null);
                }
            }

            if (source.DateOfInitialCpc is { } episodeConference && !episode.Enquiries.Any(e => e.ConferenceDate == episodeConference))
            {
                Notes.Add($"Child {person.CouncilChildId}, episode referred {episode.ReferralDate:yyyy-MM-dd}: the initial conference of {episodeConference:yyyy-MM-dd} has no section 47 enquiry in the file and was not kept (Safeguard records a conference on its enquiry).");
            }

            foreach (var p in source.ProtectionPlans.Where(p => p.StartDate is not null && p.InitialCategoryOfAbuse is not null))
            {
                var start = p.StartDate!.Value;
                var plan = episode.ProtectionPlans.FirstOrDefault(x => x.StartDate == start);
                var isNew = plan is null;
                if (plan is null)
                {
                    var initial = Code(p.InitialCategoryOfAbuse)!;
                    plan = new ProtectionPlan
                    {
                        EpisodeId = episode.Id,
                        EnquiryId = episode.Enquiries.FirstOrDefault(e => e.ConferenceDate == start)?.Id,
                        StartDate = start,
                        InitialCategory = initial,
                        LatestCategory = Code(p.LatestCategoryOfAbuse) ?? initial,
                    };
                    episode.ProtectionPlans.Add(plan);
                }

                var changed = false;
                SetDate(ref changed, plan.EndDate, p.EndDate, v => plan.EndDate = v);
                Set(ref changed, plan.InitialCategory, Code(p.InitialCategoryOfAbuse), v => plan.InitialCategory = v);
                Set(ref changed, plan.LatestCategory, Code(p.LatestCategoryOfAbuse), v => plan.LatestCategory = v);
                any |= Count(CensusRecordKind.ProtectionPlan, isNew, changed);
                foreach (var date in p.Reviews.Select(r => r.Date).OfType<DateOnly>().Distinct())
                {
                    var found = plan.Reviews.Any(r => r.Date == date);
                    if (!found)
                    {
                        plan.Reviews.Add(new ReviewConference { PlanId = plan.Id, Date = date });
                    }

                    any |= Count(CensusRecordKind.ReviewConference, !found, false);
                }
            }

            return any;
        }

        /// <summary>Counts a record; true when it was created or changed.</summary>
        private bool Count(CensusRecordKind kind, bool created, bool changed)
        {
            if (created)
            {
                tallies[kind].Created++;
                return true;
            }

            Tally(kind, changed);
            return changed;
        }

        private void Tally(CensusRecordKind kind, bool changed)
        {
            if (changed)
            {
                tallies[kind].Changed++;
            }
            else
            {
                tallies[kind].Unchanged++;
            }
        }

        private static string? Code(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();

        /// <summary>Takes the file's value when it has one and it differs; an absent value leaves the recorded one.</summary>
        private static void Set(ref bool changed, string? current, string? wanted, Action<string> set)
        {
            if (wanted is not null && !string.Equals(current, wanted, StringComparison.Ordinal))
            {
                set(wanted);
                changed = true;
            }
        }

        private static void SetDate(ref bool changed, DateOnly? current, DateOnly? wanted, Action<DateOnly?> set)
        {
            if (wanted is not null && current != wanted)
            {
                set(wanted);
                changed = true;
            }
        }
    }
}

/// <summary>Loading many children's episodes with their records at once, for the census import and export.</summary>
internal static class CensusRecords
{
    /// <summary>A new person, their names and their episodes with every record in them, parents before children.</summary>
    public static IEnumerable<object> Graph(Person person, IEnumerable<NeedEpisode> episodes)
    {
        yield return person;
        foreach (var name in person.Names)
        {
            yield return name;
        }

        foreach (var episode in episodes)
        {
            yield return episode;
            foreach (var record in episode.Assessments)
            {
                yield return record;
            }

            foreach (var record in episode.CinPlans)
            {
                yield return record;
            }

            foreach (var record in episode.StrategyDiscussions)
            {
                yield return record;
            }

            foreach (var record in episode.Enquiries)
            {
                yield return record;
            }

            foreach (var plan in episode.ProtectionPlans)
            {
                yield return plan;
                foreach (var review in plan.Reviews)
                {
                    yield return review;
                }
            }

            foreach (var allocation in episode.Allocations)
            {
                yield return allocation;
            }
        }
    }

    /// <summary>
    /// The episodes of <paramref name="personIds"/>, tracked, with their assessments, plans, discussions,
    /// enquiries and protection plans with reviews. Each kind of record is loaded by its episodes' ids and
    /// attached by the change tracker: a query per kind joined from the episodes filtered by child (as
    /// <see cref="CaseworkService.WithRecords"/> does for one child) is many times slower for hundreds.
    /// </summary>
    public static async Task<List<NeedEpisode>> LoadTrackedAsync(SafeguardDbContext db, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken)
    {
        var episodes = await db.NeedEpisodes.Where(e => personIds.Contains(e.PersonId)).ToListAsync(cancellationToken);
        var episodeIds = episodes.Select(e => e.Id).ToList();
        await db.Set<CaseAssessment>().Where(a => episodeIds.Contains(a.EpisodeId)).LoadAsync(cancellationToken);
        await db.Set<ChildInNeedPlan>().Where(p => episodeIds.Contains(p.EpisodeId)).LoadAsync(cancellationToken);
        await db.Set<StrategyDiscussion>().Where(d => episodeIds.Contains(d.EpisodeId)).LoadAsync(cancellationToken);
        await db.Set<S47Enquiry>().Where(s => episodeIds.Contains(s.EpisodeId)).LoadAsync(cancellationToken);
        var plans = await db.Set<ProtectionPlan>().Where(p => episodeIds.Contains(p.EpisodeId)).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        await db.Set<ReviewConference>().Where(r => planIds.Contains(r.PlanId)).LoadAsync(cancellationToken);
        return episodes;
    }
}
