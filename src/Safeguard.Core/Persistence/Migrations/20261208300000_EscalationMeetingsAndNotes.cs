using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>The partnership's meeting at stage 4 of an escalation (day, who took part, decision) and notes on any stage.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261208300000_EscalationMeetingsAndNotes")]
public sealed class EscalationMeetingsAndNotes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.AddColumn<DateOnly>(name: "MeetingOn", table: "EscalationStages", nullable: true);
        migrationBuilder.AddColumn<string>(name: "MeetingAttendees", table: "EscalationStages", maxLength: 4000, nullable: true);
        migrationBuilder.AddColumn<string>(name: "Decision", table: "EscalationStages", maxLength: 4000, nullable: true);

        migrationBuilder.CreateTable(
            name: "EscalationNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EscalationId = table.Column<Guid>(nullable: false),
                StageNumber = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                WrittenAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                WrittenByUserId = table.Column<Guid>(nullable: true),
                WrittenByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EscalationNotes", x => x.Id);
                table.ForeignKey("FK_EscalationNotes_Escalations_EscalationId", x => x.EscalationId, "Escalations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_EscalationNotes_AspNetUsers_WrittenByUserId", x => x.WrittenByUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_EscalationNotes_EscalationId_StageNumber", "EscalationNotes", ["EscalationId", "StageNumber"]);
        migrationBuilder.CreateIndex("IX_EscalationNotes_WrittenByUserId", "EscalationNotes", "WrittenByUserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("EscalationNotes");
        migrationBuilder.DropColumn(name: "Decision", table: "EscalationStages");
        migrationBuilder.DropColumn(name: "MeetingAttendees", table: "EscalationStages");
        migrationBuilder.DropColumn(name: "MeetingOn", table: "EscalationStages");
    }
}
