using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Each user's choice of the daily digest (on for everyone to begin with) and the record of each digest sent.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261206500000_Reminders")]
public sealed class Reminders : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.AddColumn<string>("ReminderPreference", "AspNetUsers", maxLength: 16, nullable: false, defaultValue: "Digest");

        migrationBuilder.CreateTable(
            name: "ReminderDigests",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                ForDate = table.Column<DateOnly>(nullable: false),
                Outcome = table.Column<string>(maxLength: 32, nullable: false),
                At = table.Column<DateTimeOffset>(type: instant, nullable: false),
                SentTo = table.Column<string>(maxLength: 256, nullable: true),
                Overdue = table.Column<int>(nullable: false),
                DueSoon = table.Column<int>(nullable: false),
                Items = table.Column<int>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
                Error = table.Column<string>(maxLength: 1000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReminderDigests", x => x.Id);
                table.ForeignKey("FK_ReminderDigests_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ReminderDigests_UserId_ForDate", "ReminderDigests", ["UserId", "ForDate"], unique: true);
        migrationBuilder.CreateIndex("IX_ReminderDigests_ForDate", "ReminderDigests", "ForDate");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReminderDigests");
        migrationBuilder.DropColumn("ReminderPreference", "AspNetUsers");
    }
}
