using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Safeguard.Persistence;

public static partial class BulkInsert
{
    /// <summary>
    /// New rows on SQLite: one single-row INSERT prepared once per call and executed per row, each value bound by its
    /// position straight to SQLite. Microsoft.Data.Sqlite's commands bind every parameter by name, which SQLite looks
    /// up with a linear search and a UTF-8 copy of the name on every execution: on the census import that lookup
    /// cost more than SQLite's own insertion. The values are bound exactly as Microsoft.Data.Sqlite binds them (its
    /// <c>SqliteValueBinder</c>: text, integers, reals and blobs; a Guid as upper-case text, a DateOnly as
    /// yyyy-MM-dd), so the rows are the rows EF Core would write; a type with a column of any other type is written
    /// with the multi-row statements instead (<see cref="CanBind"/>).
    /// </summary>
    internal static class SqliteRows
    {
        private static readonly HashSet<Type> Bindable =
        [
            typeof(string), typeof(long), typeof(int), typeof(short), typeof(byte), typeof(bool), typeof(double), typeof(byte[]), typeof(Guid), typeof(DateOnly),
        ];

        public static bool CanBind(List<Column> columns) => columns.TrueForAll(c => Bindable.Contains(c.ProviderType));

        public static void Insert<T>(SqliteConnection connection, string sql, List<Column> columns, IEnumerable<T> rows)
            where T : class
        {
            var handle = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
            Check(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
            try
            {
                foreach (var row in rows)
                {
                    for (var c = 0; c < columns.Count; c++)
                    {
                        Bind(statement, c + 1, columns[c].ValueOf(row), handle);
                    }

                    var rc = raw.sqlite3_step(statement);
                    if (rc != raw.SQLITE_DONE)
                    {
                        Check(rc, handle);
                    }

                    raw.sqlite3_reset(statement);
                }
            }
            finally
            {
                statement.Dispose();
            }
        }

        private static void Bind(sqlite3_stmt statement, int index, object? value, sqlite3 handle)
        {
            var rc = value switch
            {
                null => raw.sqlite3_bind_null(statement, index),
                string text => raw.sqlite3_bind_text(statement, index, text),
                long number => raw.sqlite3_bind_int64(statement, index, number),
                int number => raw.sqlite3_bind_int64(statement, index, number),
                short number => raw.sqlite3_bind_int64(statement, index, number),
                byte number => raw.sqlite3_bind_int64(statement, index, number),
                bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
                double real => double.IsNaN(real)
                    ? throw new InvalidOperationException("SQLite cannot store NaN.")
                    : raw.sqlite3_bind_double(statement, index, real),
                byte[] { Length: 0 } => raw.sqlite3_bind_zeroblob(statement, index, 0),
                byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
                Guid guid => raw.sqlite3_bind_text(statement, index, guid.ToString().ToUpperInvariant()),
                DateOnly date => raw.sqlite3_bind_text(statement, index, date.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture)),
                _ => throw new NotSupportedException($"A {value.GetType().Name} value cannot be bound here."),
            };
            Check(rc, handle);
        }

        private static void Check(int rc, sqlite3 handle)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, handle);
            }
        }
    }
}
