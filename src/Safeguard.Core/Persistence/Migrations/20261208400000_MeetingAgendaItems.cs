using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// A meeting's agenda becomes records (ADR 0084): each line of the old text agenda is moved, trimmed and in its order,
/// into an agenda item of its meeting (blank lines dropped), then the text column is dropped. Decisions and actions
/// gain a nullable link to the agenda item they came from.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261208400000_MeetingAgendaItems")]
public sealed class MeetingAgendaItems : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var sqlite = migrationBuilder.IsSqlite();
        migrationBuilder.CreateTable(
            name: "MeetingAgendaItems",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 8000, nullable: false),
                Presenter = table.Column<string>(maxLength: 200, nullable: true),
                PresenterAgencyId = table.Column<Guid>(nullable: true),
                PaperReference = table.Column<string>(maxLength: 100, nullable: true),
                StartsAt = table.Column<TimeOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingAgendaItems", x => x.Id);
                table.ForeignKey("FK_MeetingAgendaItems_BoardMeetings_MeetingId", x => x.MeetingId, "BoardMeetings", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_MeetingAgendaItems_Agencies_PresenterAgencyId", x => x.PresenterAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_MeetingAgendaItems_MeetingId_Number", "MeetingAgendaItems", ["MeetingId", "Number"]);
        migrationBuilder.CreateIndex("IX_MeetingAgendaItems_PresenterAgencyId", "MeetingAgendaItems", "PresenterAgencyId");

        // Guids are upper-case text on SQLite (as EF Core writes them), uuid on PostgreSQL.
        if (sqlite)
        {
            const string id = "hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + abs(random() % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))";
            migrationBuilder.Sql($"""
                WITH RECURSIVE "Lines"("MeetingId", "Position", "Line", "Rest") AS (
                    SELECT "Id", 0, NULL, replace("Agenda", char(13), '') || char(10) FROM "BoardMeetings" WHERE "Agenda" IS NOT NULL
                    UNION ALL
                    SELECT "MeetingId", "Position" + 1, trim(substr("Rest", 1, instr("Rest", char(10)) - 1), ' ' || char(9)), substr("Rest", instr("Rest", char(10)) + 1)
                    FROM "Lines" WHERE "Rest" <> ''
                )
                INSERT INTO "MeetingAgendaItems" ("Id", "MeetingId", "Number", "Title", "Version")
                SELECT {id}, "MeetingId", ROW_NUMBER() OVER (PARTITION BY "MeetingId" ORDER BY "Position"), "Line", 0
                FROM "Lines" WHERE "Line" IS NOT NULL AND "Line" <> '';
                """);
            foreach (var table in new[] { "MeetingDecisions", "GovernanceActions" })
            {
                // EF Core would rebuild the table to add a foreign key, which it cannot do without a target model;
                // SQLite adds a nullable column with its reference in place.
                migrationBuilder.Sql($"""ALTER TABLE "{table}" ADD COLUMN "AgendaItemId" TEXT NULL REFERENCES "MeetingAgendaItems" ("Id") ON DELETE RESTRICT;""");
            }

            migrationBuilder.Sql("""ALTER TABLE "BoardMeetings" DROP COLUMN "Agenda";""");
        }
        else
        {
            migrationBuilder.Sql("""
                INSERT INTO "MeetingAgendaItems" ("Id", "MeetingId", "Number", "Title", "Version")
                SELECT gen_random_uuid(), m."Id", ROW_NUMBER() OVER (PARTITION BY m."Id" ORDER BY l."Position"), btrim(l."Line", E' \t\r'), 0
                FROM "BoardMeetings" m CROSS JOIN LATERAL regexp_split_to_table(m."Agenda", E'\n') WITH ORDINALITY AS l("Line", "Position")
                WHERE m."Agenda" IS NOT NULL AND btrim(l."Line", E' \t\r') <> '';
                """);
            foreach (var table in new[] { "MeetingDecisions", "GovernanceActions" })
            {
                migrationBuilder.AddColumn<Guid>("AgendaItemId", table, nullable: true);
                migrationBuilder.AddForeignKey($"FK_{table}_MeetingAgendaItems_AgendaItemId", table, "AgendaItemId", "MeetingAgendaItems", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
            }

            migrationBuilder.DropColumn("Agenda", "BoardMeetings");
        }

        migrationBuilder.CreateIndex("IX_MeetingDecisions_AgendaItemId", "MeetingDecisions", "AgendaItemId");
        migrationBuilder.CreateIndex("IX_GovernanceActions_AgendaItemId", "GovernanceActions", "AgendaItemId");
    }

    /// <summary>
    /// Puts the text agenda back from the items (titles only, one a line, in order). On PostgreSQL the links are
    /// dropped; on SQLite, which cannot drop a column that holds a reference, they are emptied and left.
    /// </summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        var sqlite = migrationBuilder.IsSqlite();
        migrationBuilder.AddColumn<string>("Agenda", "BoardMeetings", maxLength: 8000, nullable: true);
        migrationBuilder.Sql(sqlite
            ? """UPDATE "BoardMeetings" SET "Agenda" = (SELECT group_concat("Title", char(10)) FROM (SELECT "Title" FROM "MeetingAgendaItems" i WHERE i."MeetingId" = "BoardMeetings"."Id" ORDER BY i."Number"));"""
            : """UPDATE "BoardMeetings" m SET "Agenda" = (SELECT string_agg(i."Title", E'\n' ORDER BY i."Number") FROM "MeetingAgendaItems" i WHERE i."MeetingId" = m."Id");""");
        migrationBuilder.DropIndex("IX_MeetingDecisions_AgendaItemId", "MeetingDecisions");
        migrationBuilder.DropIndex("IX_GovernanceActions_AgendaItemId", "GovernanceActions");
        foreach (var table in new[] { "MeetingDecisions", "GovernanceActions" })
        {
            if (sqlite)
            {
                migrationBuilder.Sql($"""UPDATE "{table}" SET "AgendaItemId" = NULL;""");
            }
            else
            {
                migrationBuilder.DropForeignKey($"FK_{table}_MeetingAgendaItems_AgendaItemId", table);
                migrationBuilder.DropColumn("AgendaItemId", table);
            }
        }

        if (!sqlite)
        {
            migrationBuilder.DropTable("MeetingAgendaItems");
        }
    }
}
