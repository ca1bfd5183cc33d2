using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Identity;
using Safeguard.Organisations;
using Safeguard.People;
using Safeguard.Timescales;

namespace Safeguard.Persistence;

/// <summary>
/// The one database context. Every save goes through <see cref="SaveChangesAsync(bool, CancellationToken)"/>,
/// which refuses changes made outside a process context, raises the concurrency version of changed records,
/// and writes one chained audit event per changed record in the same transaction (see docs/adr/0003).
/// </summary>
public sealed partial class SafeguardDbContext(DbContextOptions<SafeguardDbContext> options, TimeProvider time)
    : IdentityDbContext<User, Role, Guid>(options)
{
    private readonly List<PendingAccess> _pendingAccess = [];
    private bool _accessDeferred;

    public DbSet<Agency> Agencies => Set<Agency>();

    public DbSet<Team> Teams => Set<Team>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<ProclaimedBankHoliday> ProclaimedBankHolidays => Set<ProclaimedBankHoliday>();

    public DbSet<LocalTimescale> LocalTimescales => Set<LocalTimescale>();

    public DbSet<SeriousIncidentNotification> SeriousIncidentNotifications => Set<SeriousIncidentNotification>();

    public DbSet<RapidReview> RapidReviews => Set<RapidReview>();

    public DbSet<InformationRequest> InformationRequests => Set<InformationRequest>();

    public DbSet<RapidReviewAttendee> RapidReviewAttendees => Set<RapidReviewAttendee>();

    public DbSet<RapidReviewSignature> RapidReviewSignatures => Set<RapidReviewSignature>();

    public DbSet<PracticeReview> PracticeReviews => Set<PracticeReview>();

    public DbSet<LearningTheme> LearningThemes => Set<LearningTheme>();

    public DbSet<Finding> Findings => Set<Finding>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<ReviewAction> ReviewActions => Set<ReviewAction>();

    public DbSet<CaseReviewDocument> CaseReviewDocuments => Set<CaseReviewDocument>();
    public DbSet<Person> People => Set<Person>();

    public DbSet<PersonRelationship> PersonRelationships => Set<PersonRelationship>();

    public DbSet<Journey.NeedEpisode> NeedEpisodes => Set<Journey.NeedEpisode>();

    public DbSet<Journey.ChildVisit> ChildVisits => Set<Journey.ChildVisit>();
    public DbSet<Interchange.Cin.Uploads.CinUpload> CinUploads => Set<Interchange.Cin.Uploads.CinUpload>();
    public DbSet<FrontDoor.Contact> Contacts => Set<FrontDoor.Contact>();

    public DbSet<FrontDoor.ThresholdLevel> ThresholdLevels => Set<FrontDoor.ThresholdLevel>();

    public DbSet<FrontDoor.InformationShare> InformationShares => Set<FrontDoor.InformationShare>();

    public DbSet<ApiClients.ApiClient> ApiClients => Set<ApiClients.ApiClient>();

    public TimeProvider Time { get; } = time;

    /// <summary>The process changes are being made in; null outside one, where saving a change is refused.</summary>
    public ProcessContext? CurrentProcess { get; private set; }

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// Begins a transaction that writes. Every transaction Safeguard begins is begun here: on SQLite the writers of
    /// the file take turns without the driver's blocking retries (<see cref="WriteTransaction"/>, docs/adr/0048).
    /// </summary>
    public async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginWriteTransactionAsync(CancellationToken cancellationToken = default)
    {
        if (!IsSqlite || Database.CurrentTransaction is not null)
        {
            // (With a transaction already open, EF Core refuses a second one; the turn is already this context's.)
            return await Database.BeginTransactionAsync(cancellationToken);
        }

        var turn = await SqliteWriteGate.EnterAsync(Database.GetDbConnection(), Database.GetCommandTimeout() ?? 30, cancellationToken);
        try
        {
            return new WriteTransaction(await Database.BeginTransactionAsync(cancellationToken), turn);
        }
        catch
        {
            turn?.Dispose();
            throw;
        }
    }

    /// <summary>Starts a process: everything saved until the returned scope is disposed is audited under it.</summary>
    public IDisposable BeginProcess(string process, Actor actor, string? reason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(process);
        ArgumentNullException.ThrowIfNull(actor);
        if (reason?.Trim().Length > AuditEvent.MaxReasonLength)
        {
            throw new Common.SafeguardValidationException("Reason", $"The reason must be {AuditEvent.MaxReasonLength} characters or fewer");
        }

        var previous = CurrentProcess;
        CurrentProcess = new ProcessContext(process, actor, Time.GetUtcNow(), string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
        return new ProcessScope(this, previous);
    }

    /// <summary>
    /// Records that the current actor read (or searched, or exported) a record. The event is written with the
    /// next save, or at once by <see cref="SaveChangesAsync(bool, CancellationToken)"/> when there is nothing else to save.
    /// </summary>
    public void RecordAccess(string entityType, string entityId, AuditAction action = AuditAction.Viewed, string? detail = null)
    {
        if (action is AuditAction.Created or AuditAction.Updated or AuditAction.Deleted)
        {
            throw new ArgumentException("Access events record reads; changes are audited when they are saved.", nameof(action));
        }

        _pendingAccess.Add(new PendingAccess(entityType, entityId, action, detail, CurrentProcess));
    }

    /// <summary>
    /// From now until <see cref="FlushAccessEventsAsync"/>, a save with nothing to write but access events keeps them
    /// instead, so that a page reading through several services writes its reads to the audit trail once (one
    /// transaction, one turn of the chain's lock) rather than once a service. Each event keeps the process it was
    /// recorded under. The web app does this for a page's GET handler and flushes before the page is rendered, so no
    /// page shows what it read without the read being audited (docs/adr/0094).
    /// </summary>
    public void DeferAccessEvents() => _accessDeferred = true;

    /// <summary>Writes the access events kept since <see cref="DeferAccessEvents"/>, and saves as usual from then on.</summary>
    public async Task FlushAccessEventsAsync(CancellationToken cancellationToken = default)
    {
        _accessDeferred = false;
        if (_pendingAccess.Count > 0)
        {
            await SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Audits rows written by <see cref="BulkInsert"/> rather than through the change tracker: one "created" change
    /// event per record, with <paramref name="detail"/> as its "after".
    /// </summary>
    internal Task AppendCreatedEventsAsync(string entityType, IEnumerable<string> entityIds, string detail, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(entityType);
        ArgumentNullException.ThrowIfNull(entityIds);
        return AppendCreatedEventsAsync(entityIds.Select(id => (entityType, id, (string?)detail)), cancellationToken);
    }

    /// <summary>
    /// Audits records written in bulk: one "created" change event per record, chained after the trail's last event
    /// and written at once, in bulk, in the caller's transaction (which holds the chain's lock until it ends).
    /// </summary>
    /// <returns>The number of events written.</returns>
    internal async Task<int> AppendCreatedEventsAsync(IEnumerable<(string EntityType, string EntityId, string? After)> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var process = CurrentProcess ?? throw new InvalidOperationException("Bulk inserts run inside a process context.");
        var (sequence, previousHash) = await LockChainHeadAsync(cancellationToken);
        var now = AuditNow();
        var events = new List<AuditEvent>();
        foreach (var (entityType, id, after) in records)
        {
            var e = NewEvent(process, now, AuditEventKind.Change, entityType, id, AuditAction.Created, null, after);
            e.Sequence = ++sequence;
            e.PreviousHash = previousHash;
            e.Hash = AuditHash.Compute(e);
            previousHash = e.Hash;
            events.Add(e);
        }

        await BulkInsert.WriteAsync(this, events, cancellationToken);
        return events.Count;
    }

    /// <summary>Now, in whole microseconds: PostgreSQL keeps no finer time, and the hash must survive the round trip.</summary>
    private DateTimeOffset AuditNow()
    {
        var utcNow = Time.GetUtcNow();
        return new DateTimeOffset(utcNow.UtcTicks - (utcNow.UtcTicks % 10), TimeSpan.Zero);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changes = AuditChanges.Collect(ChangeTracker);
        if (changes.Count == 0 && _pendingAccess.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var readsOnly = changes.Count == 0 && !ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        if (readsOnly && _accessDeferred)
        {
            // Reads recorded before their process began are audited under the process of this save, as when written at once.
            for (var i = 0; i < _pendingAccess.Count; i++)
            {
                if (_pendingAccess[i].Process is null && CurrentProcess is { } current)
                {
                    _pendingAccess[i] = _pendingAccess[i] with { Process = current };
                }
            }

            return 0;
        }

        // Reads alone may be saved after their processes ended (a deferred flush): each access event carries its own.
        var process = CurrentProcess ?? (readsOnly ? _pendingAccess.Select(a => a.Process).FirstOrDefault(p => p is not null) : null) ?? throw new InvalidOperationException(
            "A change was saved outside a process context. Call BeginProcess(...) first so the audit trail can say who made the change and why.");

        var ownTransaction = Database.CurrentTransaction is null
            ? await BeginWriteTransactionAsync(cancellationToken)
            : null;
        try
        {
            var head = await LockChainHeadAsync(cancellationToken);
            await ForgetCensusDigestsAsync(ChangeTracker.Entries(), cancellationToken);
            var now = AuditNow();
            var events = new List<AuditEvent>(changes.Count + _pendingAccess.Count);
            foreach (var change in changes)
            {
                events.Add(NewEvent(process, now, AuditEventKind.Change, change.EntityType, change.EntityId, change.Action, change.Before, change.After));
            }

            foreach (var access in _pendingAccess)
            {
                events.Add(NewEvent(access.Process ?? process, now, AuditEventKind.Access, access.EntityType, access.EntityId, access.Action, null, access.Detail));
            }

            var (sequence, previousHash) = head;
            foreach (var e in events)
            {
                e.Sequence = ++sequence;
                e.PreviousHash = previousHash;
                e.Hash = AuditHash.Compute(e);
                previousHash = e.Hash;
            }

            int written;
            if (readsOnly)
            {
                // Only reads to record (a page viewed): the access events are written straight to the table in the
                // chain's order, as the bulk writes' events are, without the change tracker (a list naming hundreds
                // of children writes hundreds of events).
                await BulkInsert.WriteAsync(this, events, cancellationToken);
                if (ownTransaction is not null)
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }

                _pendingAccess.Clear();
                return events.Count;
            }

            AuditEvents.AddRange(events);
            try
            {
                // With a transaction of our own, the tracked changes are accepted only once it has committed,
                // so a failed commit leaves the context as it was before the save.
                written = await base.SaveChangesAsync(acceptAllChangesOnSuccess && ownTransaction is null, cancellationToken);
            }
            catch (DbUpdateConcurrencyException ex)
            {
                throw new Common.ConcurrencyConflictException(
                    "This record was changed by someone else after you opened it. Nothing was saved. Reload the record to see their change, then make yours again.", ex);
            }

            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
                if (acceptAllChangesOnSuccess)
                {
                    ChangeTracker.AcceptAllChanges();
                }
            }

            _pendingAccess.Clear();
            return written;
        }
        catch
        {
            // Leave nothing half-done in the context: the audit events that were not saved are discarded, and
            // the versions raised for this attempt are put back so a retry is judged against what was read.
            foreach (var entry in ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).ToList())
            {
                entry.State = EntityState.Detached;
            }

            AuditChanges.Rollback(changes);
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(64);
        if (IsSqlite)
        {
            // SQLite has no date-time type: instants are stored as UTC ticks so they sort and compare in SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SafeguardDbContext).Assembly);
        AuditChanges.MarkRedactedIdentityFields(builder);
    }

    private async Task<(long Sequence, string Hash)> LockChainHeadAsync(CancellationToken cancellationToken)
    {
        if (!IsSqlite)
        {
            // One writer extends the chain at a time; the lock is released when the transaction ends.
            // (SQLite transactions begin IMMEDIATE, which already serialises writers.)
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(727372001)", cancellationToken);
        }

        var head = await AuditEvents.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        return head is null ? (0, AuditHash.Genesis) : (head.Sequence, head.Hash);
    }

    /// <summary>
    /// A new event, its text fields cut to their column lengths: the hash must cover exactly what the database
    /// stores (PostgreSQL would otherwise drop trailing spaces or refuse the row).
    /// </summary>
    private static AuditEvent NewEvent(
        ProcessContext process, DateTimeOffset now, AuditEventKind kind, string entityType, string entityId, AuditAction action, string? before, string? after) => new()
        {
            OccurredAt = now,
            Kind = kind,
            Process = RecordKeeping.FitTrimmed(process.Process, AuditEvent.MaxNameLength),
            ActorUserId = process.Actor.UserId,
            ActorName = RecordKeeping.FitTrimmed(process.Actor.Name, AuditEvent.MaxActorNameLength),
            ActorAgencyId = process.Actor.AgencyId,
            Reason = process.Reason is null ? null : RecordKeeping.FitTrimmed(process.Reason, AuditEvent.MaxReasonLength),
            EntityType = RecordKeeping.FitTrimmed(entityType, AuditEvent.MaxNameLength),
            EntityId = RecordKeeping.FitTrimmed(entityId, AuditEvent.MaxNameLength),
            Action = action,
            Before = before,
            After = after,
            PreviousHash = "",
            Hash = "",
        };

    /// <summary>A read to audit with the next save, and the process it was recorded under (null: the process of the save).</summary>
    private sealed record PendingAccess(string EntityType, string EntityId, AuditAction Action, string? Detail, ProcessContext? Process);

    private sealed class ProcessScope(SafeguardDbContext context, ProcessContext? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                context.CurrentProcess = previous;
                _disposed = true;
            }
        }
    }
}

/// <summary>Stores an instant as its UTC ticks (used on SQLite, which has no date-time type).</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
