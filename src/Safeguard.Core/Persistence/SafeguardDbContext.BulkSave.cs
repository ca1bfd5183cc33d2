using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Safeguard.Auditing;

namespace Safeguard.Persistence;

public sealed partial class SafeguardDbContext
{
    /// <summary>
    /// Saves as <see cref="SaveChangesAsync(bool, CancellationToken)"/> does, except for new records: those the
    /// change tracker holds as added, and <paramref name="untracked"/> (new records the context does not track, built
    /// by the caller), are written in bulk (<see cref="BulkInsert"/>: bound by position on SQLite, copied on PostgreSQL), parents before
    /// children, instead of one statement each; their audit events (one per record, with the record's fields, in
    /// the same chain as any other event) are written the same way. Records changed rather than added are then
    /// saved as usual. For loading many new records from a file, where EF Core's per-record work would be most of
    /// the time (the census import, docs/adr/0022). It runs inside the caller's transaction and process, so a
    /// failure leaves nothing written.
    /// </summary>
    /// <returns>The number of records and audit events written.</returns>
    public async Task<int> SaveWithNewRecordsInBulkAsync(IEnumerable<object>? untracked = null, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A bulk save runs inside the caller's transaction, so a failure leaves nothing half-written.");
        }

        var process = CurrentProcess ?? throw new InvalidOperationException(
            "A change was saved outside a process context. Call BeginProcess(...) first so the audit trail can say who made the change and why.");
        ChangeTracker.DetectChanges();
        var trackedNew = ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is not AuditEvent).ToList();
        var records = trackedNew.Select(e => (Type: e.Metadata, e.Entity)).ToList();
        foreach (var record in untracked ?? [])
        {
            records.Add((Model.FindEntityType(record.GetType()) ?? throw new InvalidOperationException($"{record.GetType().Name} is not part of the model."), record));
        }

        if (records.Count == 0)
        {
            return await SaveChangesAsync(cancellationToken);
        }

        await ForgetCensusDigestsAsync(records.ConvertAll(r => r.Entity), cancellationToken);
        var byType = records.GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.Select(r => r.Entity).ToList());
        foreach (var type in ParentsFirst(byType.Keys))
        {
            await BulkInsert.InsertRowsAsync(this, type, byType[type], cancellationToken);
        }

        var events = await AppendCreatedEventsAsync(records.Select(r => AuditChanges.Created(r.Type, r.Entity)).Select(c => (c.EntityType, c.EntityId, (string?)c.After)), cancellationToken);
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in trackedNew)
            {
                entry.State = EntityState.Unchanged;
            }

            return records.Count + events + (ChangeTracker.HasChanges() || HasPendingEvents ? await SaveChangesAsync(cancellationToken) : 0);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private bool HasPendingEvents => _pendingAccess.Count > 0;

    /// <summary>The entity types in an order where each comes after the types its foreign keys point to.</summary>
    private static List<IEntityType> ParentsFirst(IEnumerable<IEntityType> types)
    {
        var remaining = types.ToHashSet();
        var ordered = new List<IEntityType>(remaining.Count);
        while (remaining.Count > 0)
        {
            var ready = remaining
                .Where(t => !t.GetForeignKeys().Any(k => k.PrincipalEntityType != t && remaining.Contains(k.PrincipalEntityType)))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException($"The new records' types refer to each other in a cycle: {string.Join(", ", remaining.Select(t => t.ClrType.Name))}.");
            }

            ordered.AddRange(ready);
            remaining.ExceptWith(ready);
        }

        return ordered;
    }
}
