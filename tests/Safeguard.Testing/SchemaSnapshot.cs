using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Safeguard.Persistence;

namespace Safeguard.Testing;

/// <summary>
/// A plain-text description of a database's tables, columns, indexes, foreign keys and triggers, one line
/// each and sorted, so two databases can be compared line by line.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> DescribeAsync(SafeguardDbContext db, bool includeTriggers = true)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var lines = db.IsSqlite ? await SqliteAsync(connection, includeTriggers) : await PostgresAsync(connection, includeTriggers);
            return [.. lines.Where(l => !l.Contains("__EFMigrations", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<List<string>> SqliteAsync(DbConnection connection, bool includeTriggers)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        foreach (var table in tables.Select(r => r[0]))
        {
            foreach (var c in await QueryAsync(connection, $"PRAGMA table_info(\"{table}\")"))
            {
                lines.Add($"column {table}.{c[1]} {c[2]} notnull={c[3]} pk={c[5]}");
            }

            foreach (var i in await QueryAsync(connection, $"PRAGMA index_list(\"{table}\")"))
            {
                var columns = await QueryAsync(connection, $"PRAGMA index_info(\"{i[1]}\")");
                lines.Add($"index {table}.{i[1]} unique={i[2]} ({string.Join(",", columns.Select(x => x[2]))})");
            }

            foreach (var f in await QueryAsync(connection, $"PRAGMA foreign_key_list(\"{table}\")"))
            {
                lines.Add($"fk {table}.{f[3]} -> {f[2]}.{f[4]} on delete {f[6]}");
            }
        }

        if (includeTriggers)
        {
            lines.AddRange((await QueryAsync(connection, "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'")).Select(t => $"trigger {t[1]}.{t[0]}"));
        }

        return lines;
    }

    private static async Task<List<string>> PostgresAsync(DbConnection connection, bool includeTriggers)
    {
        var lines = new List<string>();
        foreach (var c in await QueryAsync(connection, """
            SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''), is_nullable, coalesce(is_identity, 'NO')
            FROM information_schema.columns WHERE table_schema = 'public'
            """))
        {
            lines.Add($"column {c[0]}.{c[1]} {c[2]}({c[3]}) nullable={c[4]} identity={c[5]}");
        }

        foreach (var i in await QueryAsync(connection, "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
        {
            lines.Add($"index {i[0]}.{i[1]} {i[2]}");
        }

        foreach (var f in await QueryAsync(connection, """
            SELECT tc.table_name, tc.constraint_name, rc.delete_rule
            FROM information_schema.table_constraints tc
            JOIN information_schema.referential_constraints rc ON rc.constraint_name = tc.constraint_name
            WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
            """))
        {
            lines.Add($"fk {f[0]}.{f[1]} on delete {f[2]}");
        }

        if (includeTriggers)
        {
            lines.AddRange((await QueryAsync(connection, "SELECT event_object_table, trigger_name, event_manipulation FROM information_schema.triggers WHERE trigger_schema = 'public'"))
                .Select(t => $"trigger {t[0]}.{t[1]} {t[2]}"));
        }

        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            }

            rows.Add(row);
        }

        return rows;
    }
}
