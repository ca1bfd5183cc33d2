using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>The partnership's own retention periods, where they differ from the product's defaults (docs/adr/0030).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261203150000_RetentionRules")]
public sealed class RetentionRules : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "RetentionRules",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RecordType = table.Column<string>(maxLength: 64, nullable: false),
                Years = table.Column<int>(nullable: false),
                Action = table.Column<string>(maxLength: 64, nullable: false),
                ChangedAt = table.Column<DateTimeOffset>(type: migrationBuilder.InstantType(), nullable: false),
                ChangedByName = table.Column<string>(maxLength: 256, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_RetentionRules", x => x.Id));

        migrationBuilder.CreateIndex("IX_RetentionRules_RecordType", "RetentionRules", "RecordType", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("RetentionRules");
}
