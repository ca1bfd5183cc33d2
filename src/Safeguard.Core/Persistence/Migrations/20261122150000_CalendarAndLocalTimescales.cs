using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Proclaimed bank holidays and local timescale durations, changed by administrators at run time.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261122150000_CalendarAndLocalTimescales")]
public sealed class CalendarAndLocalTimescales : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "ProclaimedBankHolidays",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                AddedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ProclaimedBankHolidays", x => x.Id));

        migrationBuilder.CreateTable(
            name: "LocalTimescales",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RuleId = table.Column<string>(maxLength: 64, nullable: false),
                Duration = table.Column<int>(nullable: false),
                ChangedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_LocalTimescales", x => x.Id));

        migrationBuilder.CreateIndex("IX_ProclaimedBankHolidays_Date", "ProclaimedBankHolidays", "Date", unique: true);
        migrationBuilder.CreateIndex("IX_LocalTimescales_RuleId", "LocalTimescales", "RuleId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ProclaimedBankHolidays");
        migrationBuilder.DropTable("LocalTimescales");
    }
}
