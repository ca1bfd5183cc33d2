using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Private fostering arrangements (notification, assessment decision, end) and their statutory visits.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261205200000_PrivateFostering")]
public sealed class PrivateFostering : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "PrivateFosteringArrangements",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                CarerName = table.Column<string>(maxLength: 200, nullable: false),
                CarerAddress = table.Column<string>(maxLength: 4000, nullable: true),
                Parents = table.Column<string>(maxLength: 4000, nullable: false),
                NotifiedBy = table.Column<string>(maxLength: 64, nullable: false),
                NotifiedByName = table.Column<string>(maxLength: 200, nullable: false),
                NotifiedOn = table.Column<DateOnly>(nullable: false),
                StartedOn = table.Column<DateOnly>(nullable: false),
                ExpectedLength = table.Column<string>(maxLength: 200, nullable: true),
                DecidedOn = table.Column<DateOnly>(nullable: true),
                Decision = table.Column<string>(maxLength: 64, nullable: true),
                DecisionReason = table.Column<string>(maxLength: 4000, nullable: true),
                EndedOn = table.Column<DateOnly>(nullable: true),
                EndReason = table.Column<string>(maxLength: 64, nullable: true),
                EndNote = table.Column<string>(maxLength: 4000, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PrivateFosteringArrangements", x => x.Id);
                table.ForeignKey("FK_PrivateFosteringArrangements_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PrivateFosteringArrangements_PersonId_NotifiedOn", "PrivateFosteringArrangements", ["PersonId", "NotifiedOn"]);
        migrationBuilder.CreateIndex("IX_PrivateFosteringArrangements_NotifiedOn", "PrivateFosteringArrangements", "NotifiedOn");

        migrationBuilder.CreateTable(
            name: "PrivateFosteringVisits",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ArrangementId = table.Column<Guid>(nullable: false),
                VisitedOn = table.Column<DateOnly>(nullable: false),
                ChildSeen = table.Column<bool>(nullable: false),
                ChildSeenAlone = table.Column<bool>(nullable: false),
                VisitedBy = table.Column<string>(maxLength: 200, nullable: false),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PrivateFosteringVisits", x => x.Id);
                table.ForeignKey("FK_PrivateFosteringVisits_Arrangements_ArrangementId", x => x.ArrangementId, "PrivateFosteringArrangements", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PrivateFosteringVisits_ArrangementId_VisitedOn", "PrivateFosteringVisits", ["ArrangementId", "VisitedOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PrivateFosteringVisits");
        migrationBuilder.DropTable("PrivateFosteringArrangements");
    }
}
