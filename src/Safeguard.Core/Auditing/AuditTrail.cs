using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Persistence;

namespace Safeguard.Auditing;

/// <summary>Reading the audit trail: checking the hash chain and searching it.</summary>
public static class AuditTrail
{
    private const int BatchSize = 2000;

    /// <summary>
    /// Walks the whole chain in order and reports the first event whose sequence, previous-hash link or own
    /// hash does not hold. Reads in batches so memory does not grow with the trail.
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(SafeguardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        long checkedCount = 0;
        long expectedSequence = 1;
        var previousHash = AuditHash.Genesis;
        while (true)
        {
            var from = expectedSequence;
            var batch = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Sequence >= from)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return new AuditVerification(true, checkedCount, null, null);
            }

            foreach (var e in batch)
            {
                if (e.Sequence != expectedSequence)
                {
                    return Broken(checkedCount, expectedSequence, $"event {expectedSequence} is missing (the next event found is {e.Sequence})");
                }

                if (e.PreviousHash != previousHash)
                {
                    return Broken(checkedCount, e.Sequence, "its link to the previous event does not match that event's hash");
                }

                if (AuditHash.Compute(e) != e.Hash)
                {
                    return Broken(checkedCount, e.Sequence, "its content does not match its hash (the event was changed after it was written)");
                }

                previousHash = e.Hash;
                expectedSequence++;
                checkedCount++;
            }
        }
    }

    public static async Task<AuditSearchResult> SearchAsync(SafeguardDbContext db, AuditSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(search);
        var upTo = search.UpToSequence ?? await db.AuditEvents.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var query = db.AuditEvents.AsNoTracking().Where(e => e.Sequence <= upTo);

        if (search.UserId is { } userId)
        {
            query = query.Where(e => e.ActorUserId == userId);
        }

        if (!string.IsNullOrWhiteSpace(search.EntityType))
        {
            query = query.Where(e => e.EntityType == search.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(search.EntityId))
        {
            query = query.Where(e => e.EntityId == search.EntityId.Trim());
        }

        // Dates are days in the UK, as the people searching live them (midnight is never skipped by a clock change).
        if (search.From is { } from)
        {
            var start = UkTime.StartOfDay(from).ToUniversalTime();
            query = query.Where(e => e.OccurredAt >= start);
        }

        if (search.To is { } to)
        {
            var end = UkTime.StartOfDay(to.AddDays(1)).ToUniversalTime();
            query = query.Where(e => e.OccurredAt < end);
        }

        var total = await query.CountAsync(cancellationToken);
        var page = Math.Max(1, search.Page);
        var events = await query.OrderByDescending(e => e.Sequence)
            .Skip((page - 1) * search.PageSize)
            .Take(search.PageSize)
            .ToListAsync(cancellationToken);
        return new AuditSearchResult(events, total, page, search.PageSize, upTo);
    }

    private static AuditVerification Broken(long checkedCount, long sequence, string problem) =>
        new(false, checkedCount, sequence, $"The audit trail is broken at event {sequence}: {problem}.");
}

public sealed record AuditVerification(bool Intact, long EventsChecked, long? FirstBrokenSequence, string? Problem);

/// <summary>
/// What to look for. <see cref="UpToSequence"/> pins a search to the trail as it stood when the first page was
/// shown, so events written since (including the record of the search itself) do not shift later pages.
/// </summary>
public sealed record AuditSearch(
    Guid? UserId = null, string? EntityType = null, string? EntityId = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50, long? UpToSequence = null);

public sealed record AuditSearchResult(IReadOnlyList<AuditEvent> Events, int Total, int Page, int PageSize, long UpToSequence);
