using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Social workers' visits to children (child protection visits are due every cp-visit working days).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261123150000_ChildVisits")]
public sealed class ChildVisits : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "ChildVisits",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                VisitDate = table.Column<DateOnly>(nullable: false),
                ChildSeen = table.Column<bool>(nullable: false),
                SeenAlone = table.Column<bool>(nullable: false),
                VisitedBy = table.Column<string>(maxLength: 200, nullable: false),
                Note = table.Column<string>(maxLength: 4000, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChildVisits", x => x.Id);
                table.ForeignKey("FK_ChildVisits_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_ChildVisits_PersonId_VisitDate", "ChildVisits", ["PersonId", "VisitDate"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ChildVisits");
}
