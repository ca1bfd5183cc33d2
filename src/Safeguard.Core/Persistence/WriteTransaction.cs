using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Safeguard.Persistence;

/// <summary>
/// A transaction that writes, begun by <see cref="SafeguardDbContext.BeginWriteTransactionAsync"/>. On SQLite the
/// writers of one database file in this process take turns at an asynchronous gate before the transaction begins
/// (docs/adr/0048): SQLite lets one writer at a time, and a writer that finds the file locked is otherwise retried by
/// the driver with a blocking 150 ms sleep, which under a few concurrent users costs more than the work itself. The
/// turn ends when the transaction is committed, rolled back or disposed. On PostgreSQL there is no gate.
/// </summary>
internal sealed class WriteTransaction(IDbContextTransaction inner, IDisposable? turn) : IDbContextTransaction, IInfrastructure<DbTransaction>
{
    private IDisposable? _turn = turn;

    public Guid TransactionId => inner.TransactionId;

    DbTransaction IInfrastructure<DbTransaction>.Instance => inner.GetDbTransaction();

    public void Commit()
    {
        inner.Commit();
        EndTurn();
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await inner.CommitAsync(cancellationToken);
        EndTurn();
    }

    public void Rollback()
    {
        inner.Rollback();
        EndTurn();
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        await inner.RollbackAsync(cancellationToken);
        EndTurn();
    }

    public void Dispose()
    {
        try
        {
            inner.Dispose();
        }
        finally
        {
            EndTurn();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await inner.DisposeAsync();
        }
        finally
        {
            EndTurn();
        }
    }

    private void EndTurn() => Interlocked.Exchange(ref _turn, null)?.Dispose();
}

/// <summary>The turns of the writers of each SQLite file in this process (see <see cref="WriteTransaction"/>).</summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits for this file's turn, as long as the connection's command timeout at most; null for a database that is
    /// not a file (in memory), which no other connection can write to.
    /// </summary>
    public static async Task<IDisposable?> EnterAsync(DbConnection connection, int timeoutSeconds, CancellationToken cancellationToken)
    {
        var file = connection.DataSource;
        if (string.IsNullOrEmpty(file) || file.Equals(":memory:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var gate = Gates.GetOrAdd(Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1));
        var timeout = timeoutSeconds <= 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(timeoutSeconds);
        if (!await gate.WaitAsync(timeout, cancellationToken))
        {
            throw new TimeoutException($"The database file {file} was being written by another save for {timeoutSeconds} seconds. Nothing was saved; try again.");
        }

        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
