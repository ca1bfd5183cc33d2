using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Looked-after children's health and wellbeing a year (SDQ, immunisations, development checks, substance misuse, convictions) for SSDA903 OC2: docs/adr/0089.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261209200000_LookedAfterWellbeing")]
public sealed class LookedAfterWellbeing : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "LookedAfterWellbeing",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Year = table.Column<int>(nullable: false),
                SdqScore = table.Column<int>(nullable: true),
                SdqDoneOn = table.Column<DateOnly>(nullable: true),
                SdqReason = table.Column<string>(maxLength: 8, nullable: true),
                ImmunisationsUpToDate = table.Column<bool>(nullable: true),
                ImmunisationsAsAt = table.Column<DateOnly>(nullable: true),
                DevelopmentChecksUpToDate = table.Column<bool>(nullable: true),
                SubstanceMisuse = table.Column<bool>(nullable: true),
                InterventionReceived = table.Column<bool>(nullable: true),
                InterventionOffered = table.Column<bool>(nullable: true),
                Convicted = table.Column<bool>(nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LookedAfterWellbeing", x => x.Id);
                table.ForeignKey("FK_LookedAfterWellbeing_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LookedAfterWellbeing_PersonId_Year", "LookedAfterWellbeing", ["PersonId", "Year"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("LookedAfterWellbeing");
    }
}
