using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Safeguard.Persistence;

/// <summary>
/// Writes many new records of one type at once, for generated data (the demo area and benchmark areas) and imports:
/// on SQLite a prepared INSERT with values bound by position, on PostgreSQL a binary COPY, inside the caller's transaction, with each column's value converted
/// exactly as EF Core would (enums as text, instants as ticks on SQLite). The change tracker is bypassed; each
/// record is audited as a "created" change event of its own, in the same chain and transaction, written the same
/// way (<c>SafeguardDbContext.AppendCreatedEventsAsync</c>); see docs/adr/0016 and 0020.
/// </summary>
public static partial class BulkInsert
{
    /// <summary>
    /// Parameters per statement, for a type SQLite rows cannot bind by position (<see cref="SqliteRows"/>): kept short
    /// because Microsoft.Data.Sqlite finds each named parameter by a linear search on every execution. PostgreSQL rows
    /// are copied (<see cref="PostgresRows"/>).
    /// </summary>
    private const int SqliteParametersPerStatement = 120;

    /// <summary>
    /// Inserts <paramref name="rows"/> (new records, never saved before) with one audit event per record; the caller
    /// must have begun a transaction and a process.
    /// </summary>
    public static async Task<int> InsertAsync<T>(SafeguardDbContext db, IReadOnlyCollection<T> rows, string detail, CancellationToken cancellationToken = default)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (db.CurrentProcess is null)
        {
            throw new InvalidOperationException("Bulk inserts run inside a process context, so the audit trail can say who wrote them.");
        }

        var entityType = await WriteAsync(db, rows, cancellationToken);
        var key = entityType.FindPrimaryKey()!.Properties.Select(p => p.GetGetter()).ToArray();
        var ids = rows.Select(row => key.Length == 1
            ? Convert.ToString(key[0].GetClrValue(row), CultureInfo.InvariantCulture)!
            : string.Join("/", key.Select(k => Convert.ToString(k.GetClrValue(row), CultureInfo.InvariantCulture))));
        await db.AppendCreatedEventsAsync(entityType.ClrType.Name, ids, JsonSerializer.Serialize(new { generated = detail }), cancellationToken);
        return rows.Count;
    }

    /// <summary>Writes the rows, unaudited: for the audit events themselves and for <see cref="InsertAsync"/>.</summary>
    internal static async Task<IEntityType> WriteAsync<T>(SafeguardDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not part of the model.");
        await InsertRowsAsync(db, entityType, rows, cancellationToken);
        return entityType;
    }

    /// <summary>
    /// Writes <paramref name="rows"/> (new records of <paramref name="entityType"/>, never saved before) in the current
    /// transaction, and records no audit event: the caller audits them (one event
    /// per record, as <see cref="InsertAsync"/> and <see cref="SafeguardDbContext.SaveWithNewRecordsInBulkAsync"/> write).
    /// </summary>
    internal static async Task InsertRowsAsync<T>(SafeguardDbContext db, IEntityType entityType, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Bulk inserts run inside a transaction, so a failure leaves nothing half-written.");
        if (rows.Count > 0)
        {
            var columns = Columns(entityType);
            if (db.IsSqlite && SqliteRows.CanBind(columns))
            {
                SqliteRows.Insert((SqliteConnection)db.Database.GetDbConnection(), InsertText(db, entityType, columns), columns, rows);
                return;
            }

            var sql = db.GetService<ISqlGenerationHelper>();
            var table = sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
            var columnList = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));
            if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
            {
                await PostgresRows.CopyAsync(postgres, table, columnList, columns, rows, cancellationToken);
                return;
            }

            var perStatement = Math.Max(1, SqliteParametersPerStatement / columns.Count);
            var connection = db.Database.GetDbConnection();
            DbCommand? full = null;
            try
            {
                var batch = new List<T>(perStatement);
                foreach (var row in rows)
                {
                    batch.Add(row);
                    if (batch.Count == perStatement)
                    {
                        full ??= await PrepareAsync(connection, transaction.GetDbTransaction(), table, columnList, columns, perStatement, cancellationToken);
                        await ExecuteAsync(full, columns, batch, cancellationToken);
                        batch.Clear();
                    }
                }

                if (batch.Count > 0)
                {
                    await using var last = await PrepareAsync(connection, transaction.GetDbTransaction(), table, columnList, columns, batch.Count, cancellationToken);
                    await ExecuteAsync(last, columns, batch, cancellationToken);
                }
            }
            finally
            {
                if (full is not null)
                {
                    await full.DisposeAsync();
                }
            }
        }
    }

    private static string InsertText(SafeguardDbContext db, IEntityType entityType, List<Column> columns)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
        return $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ({string.Join(", ", columns.Select((_, i) => string.Create(CultureInfo.InvariantCulture, $"?{i + 1}")))})";
    }

    private static List<Column> Columns(IEntityType entityType)
    {
        var store = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsShadowProperty())
            {
                throw new NotSupportedException($"{entityType.ClrType.Name}.{property.Name} is a shadow property; bulk inserts need every column on the record.");
            }

            var mapping = (RelationalTypeMapping)property.GetRelationalTypeMapping();
            var providerType = mapping.Converter?.ProviderClrType ?? property.ClrType;
            columns.Add(new Column(property.GetColumnName(store)!, property, property.GetGetter(), mapping, Nullable.GetUnderlyingType(providerType) ?? providerType));
        }

        return columns;
    }

    private static async Task<DbCommand> PrepareAsync(
        DbConnection connection, DbTransaction transaction, string table, string columnList, List<Column> columns, int rowCount, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var text = new StringBuilder($"INSERT INTO {table} ({columnList}) VALUES ");
        for (var r = 0; r < rowCount; r++)
        {
            text.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{r}_{c}");
                text.Append(c == 0 ? name : ", " + name);
                command.Parameters.Add(columns[c].Mapping.CreateParameter(command, name, null, columns[c].Property.IsNullable));
            }

            text.Append(')');
        }

        command.CommandText = text.ToString();
        await command.PrepareAsync(cancellationToken);
        return command;
    }

    private static async Task ExecuteAsync<T>(DbCommand command, List<Column> columns, List<T> batch, CancellationToken cancellationToken)
        where T : class
    {
        var p = 0;
        foreach (var row in batch)
        {
            foreach (var column in columns)
            {
                command.Parameters[p++].Value = column.ValueOf(row) ?? DBNull.Value;
            }
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    internal sealed record Column(string Name, IProperty Property, IClrPropertyGetter Getter, RelationalTypeMapping Mapping, Type ProviderType)
    {
        /// <summary>The column's value in <paramref name="row"/> as the provider stores it (after EF Core's value converter), or null.</summary>
        public object? ValueOf(object row)
        {
            var value = Getter.GetClrValue(row);
            return value is not null && Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }
    }
}
