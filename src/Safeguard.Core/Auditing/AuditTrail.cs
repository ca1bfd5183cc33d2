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
    public static Task<AuditVerification> VerifyAsync(SafeguardDbContext db, CancellationToken cancellationToken = default) =>
        VerifyAsync(db, [], cancellationToken);

    /// <summary>
    /// As <see cref="VerifyAsync(SafeguardDbContext, CancellationToken)"/>, and also against checkpoints kept outside
    /// the database: the trail is broken when it ends before a checkpoint's event (events were removed from its end)
    /// or when that event's hash differs from the checkpoint's (the trail was rewritten).
    /// </summary>
    public static async Task<AuditVerification> VerifyAsync(SafeguardDbContext db, IReadOnlyCollection<AuditCheckpoint> checkpoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(checkpoints);
        var expected = checkpoints.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.ToList());
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
                var beyond = checkpoints.Where(c => c.Sequence > checkedCount).MaxBy(c => c.Sequence);
                return beyond is null
                    ? new AuditVerification(true, checkedCount, null, null, checkedCount == 0 ? null : previousHash, checkpoints.Count)
                    : Broken(checkedCount, checkedCount + 1,
                        $"the trail ends at event {checkedCount}, but a checkpoint written {beyond.WrittenAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC records event {beyond.Sequence}: " +
                        $"{beyond.Sequence - checkedCount} or more events have been removed from its end");
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

                if (expected.TryGetValue(e.Sequence, out var anchors) && anchors.FirstOrDefault(c => !string.Equals(c.Hash, e.Hash, StringComparison.OrdinalIgnoreCase)) is { } disagreeing)
                {
                    return Broken(checkedCount, e.Sequence,
                        $"its hash differs from the checkpoint written {disagreeing.WrittenAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC (the trail up to this event has been rewritten)");
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

/// <summary>
/// What a verification found; <see cref="LastHash"/> is the hash of the trail's last event when it is intact and not
/// empty, and <see cref="CheckpointsChecked"/> how many checkpoints it was checked against.
/// </summary>
public sealed record AuditVerification(bool Intact, long EventsChecked, long? FirstBrokenSequence, string? Problem, string? LastHash = null, int CheckpointsChecked = 0);

/// <summary>
/// What to look for. <see cref="UpToSequence"/> pins a search to the trail as it stood when the first page was
/// shown, so events written since (including the record of the search itself) do not shift later pages.
/// </summary>
public sealed record AuditSearch(
    Guid? UserId = null, string? EntityType = null, string? EntityId = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50, long? UpToSequence = null);

public sealed record AuditSearchResult(IReadOnlyList<AuditEvent> Events, int Total, int Page, int PageSize, long UpToSequence);
