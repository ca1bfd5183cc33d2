using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;

namespace Safeguard.Persistence;

/// <summary>
/// A number that moves whenever the records change: the sequence of the last change event in the audit trail.
/// Every change to a record, bulk writes included, appends a change event in the same transaction (docs/adr/0003),
/// so an unchanged number means unchanged records. Reads (access events) do not move it.
/// </summary>
public static class DataVersion
{
    /// <summary>The current version: one read of the (kind, sequence) index.</summary>
    public static async Task<long> CurrentAsync(SafeguardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.AuditEvents.AsNoTracking()
            .Where(e => e.Kind == AuditEventKind.Change)
            .OrderByDescending(e => e.Sequence)
            .Select(e => e.Sequence)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
