using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// Database triggers that make the audit trail append-only: the database itself refuses to change or
/// remove an audit event, whatever client is connected.
/// </summary>
internal static class AuditTrailProtection
{
    public const string Message = "The audit trail is append-only: audit events cannot be changed or deleted.";

    public static void Create(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AuditEvents_NoUpdate" BEFORE UPDATE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, '{Message}'); END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "AuditEvents_NoDelete" BEFORE DELETE ON "AuditEvents"
                BEGIN SELECT RAISE(ABORT, '{Message}'); END;
                """);
            return;
        }

        migrationBuilder.Sql($"""
            CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '{Message}' USING ERRCODE = 'insufficient_privilege';
            END;
            $$;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON "AuditEvents"
            FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON "AuditEvents"
            FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEvents_NoUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "AuditEvents_NoDelete";""");
            return;
        }

        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_events_no_update_or_delete ON "AuditEvents";""");
        migrationBuilder.Sql("""DROP TRIGGER IF EXISTS audit_events_no_truncate ON "AuditEvents";""");
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_events_append_only();");
    }
}
