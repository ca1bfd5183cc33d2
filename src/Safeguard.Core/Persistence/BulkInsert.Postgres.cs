using Npgsql;

namespace Safeguard.Persistence;

public static partial class BulkInsert
{
    /// <summary>
    /// New rows on PostgreSQL: one binary <c>COPY ... FROM STDIN</c> per table and call, inside the caller's
    /// transaction (docs/adr/0076). A multi-row INSERT makes the server parse and plan a statement of thousands of
    /// parameters and the client build and send each parameter's description; COPY streams the rows in the
    /// server's own binary format. Each value is the one EF Core would write (after its value converter), written as
    /// the column's PostgreSQL type (the mapping's store type), so the rows are those a save through EF Core stores
    /// (<c>BulkSaveTests</c>). A failure (a duplicate key, a value the column refuses) throws as an INSERT would and
    /// the caller's transaction leaves nothing written.
    /// </summary>
    internal static class PostgresRows
    {
        public static async Task CopyAsync<T>(NpgsqlConnection connection, string table, string columnList, List<Column> columns, IEnumerable<T> rows, CancellationToken cancellationToken)
            where T : class
        {
            var types = columns.ConvertAll(c => DataTypeName(c.Mapping.StoreType));
            await using var writer = await connection.BeginBinaryImportAsync($"COPY {table} ({columnList}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = columns[c].ValueOf(row);
                    if (value is null)
                    {
                        await writer.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await writer.WriteAsync(value, types[c], cancellationToken);
                    }
                }
            }

            await writer.CompleteAsync(cancellationToken);
        }

        /// <summary>The type's name without its modifiers: <c>character varying(200)</c> is written as <c>character varying</c>.</summary>
        internal static string DataTypeName(string storeType)
        {
            var open = storeType.IndexOf('(', StringComparison.Ordinal);
            if (open < 0)
            {
                return storeType;
            }

            var close = storeType.IndexOf(')', open);
            return (storeType[..open] + (close < 0 ? string.Empty : storeType[(close + 1)..])).Trim();
        }
    }
}
