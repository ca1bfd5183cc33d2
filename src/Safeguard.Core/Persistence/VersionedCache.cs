using System.Collections.Concurrent;
using Safeguard.Calendar;

namespace Safeguard.Persistence;

/// <summary>
/// Results worked out from the records, kept while the records are unchanged (<see cref="DataVersion"/>). A result
/// "as at now" is also worked out again on a new day and once it is older than the age given. Concurrent requests
/// for the same key wait for one computation, which must not depend on the caller's scope or cancellation: one
/// reader leaving does not cancel it for the others (ADR 0032). Register it as a singleton.
/// </summary>
/// <typeparam name="T">The result, shared by every reader: never changed after it is made.</typeparam>
public sealed class VersionedCache<T>(TimeProvider time)
    where T : class
{
    /// <summary>How many results are kept at most; the oldest go first.</summary>
    public const int MaxEntries = 64;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The result for <paramref name="key"/> at the records' current version, worked out by <paramref name="compute"/> when there is none.</summary>
    /// <param name="db">The caller's context, to read the data version.</param>
    /// <param name="key">What the result depends on besides the records.</param>
    /// <param name="maxAge">For a result "as at now": how old it may be (and it must be of today); null for one that depends only on the records.</param>
    /// <param name="compute">Works the result out from the instant given ("now" when the request came), in a scope of its own.</param>
    /// <param name="cancellationToken">Stops this caller waiting; the computation goes on for the others.</param>
    public async Task<T> GetAsync(SafeguardDbContext db, string key, TimeSpan? maxAge, Func<DateTimeOffset, Task<T>> compute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(compute);
        var version = await DataVersion.CurrentAsync(db, cancellationToken);
        var now = time.GetUtcNow();
        var candidate = new Entry(version, now, new Lazy<Task<T>>(() => compute(now), LazyThreadSafetyMode.ExecutionAndPublication));
        var entry = _entries.AddOrUpdate(key, candidate, (_, existing) => Usable(existing, version, now, maxAge) ? existing : candidate);
        if (ReferenceEquals(entry, candidate))
        {
            Trim();
        }

        return await entry.Result.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets every result.</summary>
    public void Clear() => _entries.Clear();

    private static bool Usable(Entry entry, long version, DateTimeOffset now, TimeSpan? maxAge)
    {
        if (entry.Version != version || (entry.Result.IsValueCreated && entry.Result.Value.IsFaulted))
        {
            return false;
        }

        return maxAge is not { } age || (now - entry.Created <= age && UkTime.ToUkDate(now) == UkTime.ToUkDate(entry.Created));
    }

    private void Trim()
    {
        while (_entries.Count > MaxEntries)
        {
            _entries.TryRemove(_entries.MinBy(e => e.Value.Created));
        }
    }

    private sealed record Entry(long Version, DateTimeOffset Created, Lazy<Task<T>> Result);
}
