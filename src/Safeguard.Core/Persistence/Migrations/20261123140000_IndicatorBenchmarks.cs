using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Benchmarks for the partnership dataset: statistical neighbours', England and regional averages per indicator and year.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261123140000_IndicatorBenchmarks")]
public sealed class IndicatorBenchmarks : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "IndicatorBenchmarks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                IndicatorId = table.Column<Guid>(nullable: false),
                YearStart = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                Value = table.Column<decimal>(precision: 18, scale: 4, nullable: false),
                Source = table.Column<string>(maxLength: 500, nullable: false),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_IndicatorBenchmarks", x => x.Id);
                table.ForeignKey("FK_IndicatorBenchmarks_Indicators_IndicatorId", x => x.IndicatorId, "Indicators", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_IndicatorBenchmarks_IndicatorId_YearStart_Kind", "IndicatorBenchmarks", ["IndicatorId", "YearStart", "Kind"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("IndicatorBenchmarks");
}
