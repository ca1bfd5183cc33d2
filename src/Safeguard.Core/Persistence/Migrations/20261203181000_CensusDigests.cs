using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// Each child's census content as the census import last applied it (a SHA-256), so an unchanged child is skipped
/// on re-import; deleted by any other change to the child's records (docs/adr/0034). No rows to start with: the
/// first import after this migration applies every child in full.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261203181000_CensusDigests")]
public sealed class CensusDigests : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "CensusDigests",
            columns: table => new
            {
                PersonId = table.Column<Guid>(nullable: false),
                Digest = table.Column<byte[]>(maxLength: 32, nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CensusDigests", x => x.PersonId);
                table.ForeignKey("FK_CensusDigests_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Cascade);
            });
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "CensusDigests");
}
