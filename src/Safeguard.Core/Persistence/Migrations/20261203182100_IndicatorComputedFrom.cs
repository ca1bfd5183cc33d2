using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>An indicator switched from returned to computed keeps its returned quarters before <c>ComputedFrom</c> (ADR 0035).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261203182100_IndicatorComputedFrom")]
public sealed class IndicatorComputedFrom : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<DateOnly>(name: "ComputedFrom", table: "Indicators", nullable: true);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropColumn(name: "ComputedFrom", table: "Indicators");
}
