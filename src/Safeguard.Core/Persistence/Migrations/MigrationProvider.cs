using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// Helpers for migrations that run on both databases. Column types are left to the provider except where
/// the model stores a value differently per provider (instants are UTC ticks on SQLite).
/// </summary>
internal static class MigrationProvider
{
    public static bool IsSqlite(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>The column type for a <see cref="DateTimeOffset"/> instant.</summary>
    public static string InstantType(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.IsSqlite() ? "INTEGER" : "timestamp with time zone";
}
