using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>A looked-after child's unaccompanied asylum-seeking status and previous permanence, one of each a child (ADR 0088).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261209100000_UascAndPreviousPermanence")]
public sealed class UascAndPreviousPermanence : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "UascStatuses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                BecameOn = table.Column<DateOnly>(nullable: true),
                CeasedOn = table.Column<DateOnly>(nullable: true),
                CeasedReason = table.Column<string>(maxLength: 16, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_UascStatuses", x => x.Id);
                table.ForeignKey("FK_UascStatuses_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_UascStatuses_PersonId", "UascStatuses", "PersonId", unique: true);

        migrationBuilder.CreateTable(
            name: "PreviousPermanences",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Option = table.Column<string>(maxLength: 8, nullable: false),
                LocalAuthority = table.Column<string>(maxLength: 8, nullable: true),
                OrderYear = table.Column<int>(nullable: true),
                OrderMonth = table.Column<int>(nullable: true),
                OrderDay = table.Column<int>(nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PreviousPermanences", x => x.Id);
                table.ForeignKey("FK_PreviousPermanences_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PreviousPermanences_PersonId", "PreviousPermanences", "PersonId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PreviousPermanences");
        migrationBuilder.DropTable("UascStatuses");
    }
}
