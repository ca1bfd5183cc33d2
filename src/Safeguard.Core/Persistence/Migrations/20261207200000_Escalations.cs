using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Professional disagreements between agencies (escalations) and their stages.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261207200000_Escalations")]
public sealed class Escalations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "Escalations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RaisedByAgencyId = table.Column<Guid>(nullable: false),
                RaisedByUserId = table.Column<Guid>(nullable: true),
                RaisedByName = table.Column<string>(maxLength: 200, nullable: false),
                RaisedByRole = table.Column<string>(maxLength: 200, nullable: false),
                RaisedWithAgencyId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: true),
                Subject = table.Column<string>(maxLength: 200, nullable: false),
                Theme = table.Column<string>(maxLength: 64, nullable: false),
                Concern = table.Column<string>(maxLength: 4000, nullable: false),
                RaisedOn = table.Column<DateOnly>(nullable: false),
                Stage = table.Column<int>(nullable: false),
                CurrentDueOn = table.Column<DateOnly>(nullable: false),
                Outcome = table.Column<string>(maxLength: 64, nullable: true),
                OutcomeNotes = table.Column<string>(maxLength: 4000, nullable: true),
                Learning = table.Column<string>(maxLength: 4000, nullable: true),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                ClosedByName = table.Column<string>(maxLength: 200, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Escalations", x => x.Id);
                table.ForeignKey("FK_Escalations_Agencies_RaisedByAgencyId", x => x.RaisedByAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Escalations_Agencies_RaisedWithAgencyId", x => x.RaisedWithAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Escalations_AspNetUsers_RaisedByUserId", x => x.RaisedByUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Escalations_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Escalations_ClosedOn_CurrentDueOn", "Escalations", ["ClosedOn", "CurrentDueOn"]);
        migrationBuilder.CreateIndex("IX_Escalations_RaisedOn", "Escalations", "RaisedOn");
        migrationBuilder.CreateIndex("IX_Escalations_RaisedByAgencyId", "Escalations", "RaisedByAgencyId");
        migrationBuilder.CreateIndex("IX_Escalations_RaisedWithAgencyId", "Escalations", "RaisedWithAgencyId");
        migrationBuilder.CreateIndex("IX_Escalations_RaisedByUserId", "Escalations", "RaisedByUserId");
        migrationBuilder.CreateIndex("IX_Escalations_PersonId", "Escalations", "PersonId");

        migrationBuilder.CreateTable(
            name: "EscalationStages",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EscalationId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                StartedOn = table.Column<DateOnly>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                RaisingUserId = table.Column<Guid>(nullable: true),
                RaisingName = table.Column<string>(maxLength: 200, nullable: false),
                RaisingRole = table.Column<string>(maxLength: 200, nullable: false),
                RespondingUserId = table.Column<Guid>(nullable: true),
                RespondingName = table.Column<string>(maxLength: 200, nullable: true),
                RespondingRole = table.Column<string>(maxLength: 200, nullable: true),
                Reason = table.Column<string>(maxLength: 4000, nullable: true),
                Response = table.Column<string>(maxLength: 4000, nullable: true),
                RespondedOn = table.Column<DateOnly>(nullable: true),
                EndedOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EscalationStages", x => x.Id);
                table.ForeignKey("FK_EscalationStages_Escalations_EscalationId", x => x.EscalationId, "Escalations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_EscalationStages_AspNetUsers_RaisingUserId", x => x.RaisingUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_EscalationStages_AspNetUsers_RespondingUserId", x => x.RespondingUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_EscalationStages_EscalationId_Number", "EscalationStages", ["EscalationId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_EscalationStages_RaisingUserId_EndedOn", "EscalationStages", ["RaisingUserId", "EndedOn"]);
        migrationBuilder.CreateIndex("IX_EscalationStages_RespondingUserId_EndedOn", "EscalationStages", ["RespondingUserId", "EndedOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("EscalationStages");
        migrationBuilder.DropTable("Escalations");
    }
}
