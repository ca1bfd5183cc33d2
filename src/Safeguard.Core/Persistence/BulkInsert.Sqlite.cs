using System.Globalization;
using System.Text;
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

        /// <summary>Text is encoded into this buffer (kept per thread), not into a new array per value.</summary>
        [ThreadStatic]
        private static byte[]? t_text;

        private static void Bind(sqlite3_stmt statement, int index, object? value, sqlite3 handle)
        {
            var rc = value switch
            {
                null => raw.sqlite3_bind_null(statement, index),
                string text => BindText(statement, index, text),
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
                Guid guid => BindGuid(statement, index, guid),
                DateOnly date => BindDate(statement, index, date),
                _ => throw new NotSupportedException($"A {value.GetType().Name} value cannot be bound here."),
            };
            Check(rc, handle);
        }

        private static byte[] Buffer(int length)
        {
            var buffer = t_text;
            if (buffer is null || buffer.Length < length)
            {
                t_text = buffer = new byte[Math.Max(length, 1024)];
            }

            return buffer;
        }

        /// <summary>As UTF-8 (SQLite copies it), as Microsoft.Data.Sqlite binds a string.</summary>
        private static int BindText(sqlite3_stmt statement, int index, string text)
        {
            var buffer = Buffer(Encoding.UTF8.GetMaxByteCount(text.Length));
            var length = Encoding.UTF8.GetBytes(text, buffer);
            return raw.sqlite3_bind_text(statement, index, buffer.AsSpan(0, length));
        }

        /// <summary>As upper-case text, as Microsoft.Data.Sqlite binds a Guid (<c>ToString().ToUpperInvariant()</c>).</summary>
        private static int BindGuid(sqlite3_stmt statement, int index, Guid guid)
        {
            var buffer = Buffer(36);
            guid.TryFormat(buffer, out var length, "D");
            for (var i = 0; i < length; i++)
            {
                if (buffer[i] is >= (byte)'a' and <= (byte)'f')
                {
                    buffer[i] -= 'a' - 'A';
                }
            }

            return raw.sqlite3_bind_text(statement, index, buffer.AsSpan(0, length));
        }

        /// <summary>As yyyy-MM-dd text, as Microsoft.Data.Sqlite binds a DateOnly.</summary>
        private static int BindDate(sqlite3_stmt statement, int index, DateOnly date)
        {
            var buffer = Buffer(10);
            date.TryFormat(buffer, out var length, @"yyyy\-MM\-dd", CultureInfo.InvariantCulture);
            return raw.sqlite3_bind_text(statement, index, buffer.AsSpan(0, length));
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
