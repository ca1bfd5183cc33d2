using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Safeguard.Persistence;

/// <summary>Bringing a database up to date, with a clear message when it cannot be reached.</summary>
public static class SafeguardDatabase
{
    public static async Task<IReadOnlyList<string>> MigrateAsync(SafeguardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            if (db.IsSqlite)
            {
                // Write-ahead logging lets pages read while a save is in progress.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }

            return pending;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            throw new DatabaseUnavailableException(
                $"Safeguard could not open or update its database ({Describe(db)}): {ex.GetBaseException().Message}", ex);
        }
    }

    public static async Task<bool> CanConnectAsync(SafeguardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Migrations not yet applied; an unreachable database is reported as <see cref="DatabaseUnavailableException"/>.</summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(SafeguardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        try
        {
            return [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            throw new DatabaseUnavailableException($"Safeguard could not open its database ({Describe(db)}): {ex.GetBaseException().Message}", ex);
        }
    }

    public static async Task<IReadOnlyList<string>> AppliedMigrationsAsync(SafeguardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return [.. await db.Database.GetAppliedMigrationsAsync(cancellationToken)];
    }

    private static string Describe(SafeguardDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        return db.IsSqlite ? $"SQLite file {connection.DataSource}" : $"PostgreSQL database '{connection.Database}' on {connection.DataSource}";
    }
}

/// <summary>The database could not be reached or brought up to date.</summary>
public sealed class DatabaseUnavailableException : Exception
{
    public DatabaseUnavailableException()
    {
    }

    public DatabaseUnavailableException(string message)
        : base(message)
    {
    }

    public DatabaseUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
