using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// A business plan priority names the improvement plan workstream it is delivered through (ADR 0082): a nullable
/// foreign key to the workstream. The text typed before (<c>ImprovementPlanLink</c>, a workstream's name or address)
/// becomes the priority's note on the improvement plan; where it is a workstream's title (ignoring case and surrounding
/// spaces) or holds a workstream's id (its address), the priority is linked to that workstream (of the newest plan
/// when several match) and the note is cleared; otherwise the text is kept as written.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261208200000_BusinessPriorityWorkstream")]
public sealed class BusinessPriorityWorkstream : Migration
{
    private const string Table = "BusinessPriorities";
    private const string ForeignKey = "FK_BusinessPriorities_ImprovementWorkstreams_WorkstreamId";
    private const string Index = "IX_BusinessPriorities_WorkstreamId";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var sqlite = migrationBuilder.IsSqlite();
        migrationBuilder.RenameColumn("ImprovementPlanLink", Table, "ImprovementPlanNote");
        if (sqlite)
        {
            // SQLite adds a column with a foreign key in place when its default is null; EF Core would rebuild the
            // table, which it cannot do without a target model.
            migrationBuilder.Sql($"""ALTER TABLE "{Table}" ADD COLUMN "WorkstreamId" TEXT NULL CONSTRAINT "{ForeignKey}" REFERENCES "ImprovementWorkstreams" ("Id") ON DELETE RESTRICT;""");
        }
        else
        {
            migrationBuilder.AddColumn<Guid>("WorkstreamId", Table, nullable: true);
            migrationBuilder.AddForeignKey(ForeignKey, Table, "WorkstreamId", "ImprovementWorkstreams", principalColumn: "Id", onDelete: ReferentialAction.Restrict);
        }

        migrationBuilder.CreateIndex(Index, Table, "WorkstreamId");

        // Guids are upper-case text on SQLite (as EF Core writes them) and uuid on PostgreSQL.
        var holdsId = sqlite
            ? """instr(upper(b."ImprovementPlanNote"), w."Id") > 0"""
            : """strpos(lower(b."ImprovementPlanNote"), w."Id"::text) > 0""";
        migrationBuilder.Sql($"""
            UPDATE "{Table}" AS b SET "WorkstreamId" = (
                SELECT w."Id" FROM "ImprovementWorkstreams" w JOIN "ImprovementPlans" p ON p."Id" = w."PlanId"
                WHERE lower(trim(w."Title")) = lower(trim(b."ImprovementPlanNote")) OR {holdsId}
                ORDER BY p."StartsOn" DESC, w."Title"
                LIMIT 1)
            WHERE b."ImprovementPlanNote" IS NOT NULL;
            """);
        migrationBuilder.Sql($"""UPDATE "{Table}" SET "ImprovementPlanNote" = NULL WHERE "WorkstreamId" IS NOT NULL;""");
    }

    /// <summary>Back to text: a linked priority with no note gets its workstream's title as the text.</summary>
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            UPDATE "{Table}" AS b SET "ImprovementPlanNote" = (SELECT w."Title" FROM "ImprovementWorkstreams" w WHERE w."Id" = b."WorkstreamId")
            WHERE b."WorkstreamId" IS NOT NULL AND b."ImprovementPlanNote" IS NULL;
            """);
        migrationBuilder.DropIndex(Index, Table);
        if (migrationBuilder.IsSqlite())
        {
            // SQLite cannot drop a column used by a foreign key: the table is rebuilt as the Governance migration made it.
            migrationBuilder.Sql($"""
                CREATE TABLE "ef_temp_{Table}" (
                    "Id" TEXT NOT NULL CONSTRAINT "PK_{Table}" PRIMARY KEY,
                    "YearStart" INTEGER NOT NULL,
                    "Number" INTEGER NOT NULL,
                    "Title" TEXT NOT NULL,
                    "Description" TEXT NOT NULL,
                    "OwnerBoardId" TEXT NULL,
                    "ImprovementPlanLink" TEXT NULL,
                    "Version" INTEGER NOT NULL,
                    CONSTRAINT "FK_{Table}_Boards_OwnerBoardId" FOREIGN KEY ("OwnerBoardId") REFERENCES "Boards" ("Id") ON DELETE RESTRICT);
                INSERT INTO "ef_temp_{Table}" ("Id", "YearStart", "Number", "Title", "Description", "OwnerBoardId", "ImprovementPlanLink", "Version")
                SELECT "Id", "YearStart", "Number", "Title", "Description", "OwnerBoardId", "ImprovementPlanNote", "Version" FROM "{Table}";
                DROP TABLE "{Table}";
                ALTER TABLE "ef_temp_{Table}" RENAME TO "{Table}";
                CREATE UNIQUE INDEX "IX_{Table}_YearStart_Number" ON "{Table}" ("YearStart", "Number");
                CREATE INDEX "IX_{Table}_OwnerBoardId" ON "{Table}" ("OwnerBoardId");
                """);
        }
        else
        {
            migrationBuilder.DropForeignKey(ForeignKey, Table);
            migrationBuilder.DropColumn("WorkstreamId", Table);
            migrationBuilder.RenameColumn("ImprovementPlanNote", Table, "ImprovementPlanLink");
        }
    }
}
