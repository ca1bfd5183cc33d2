using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Allegations about people who work with children, referred to the LADO, and the children each concerns.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261205000000_LadoAllegations")]
public sealed class LadoAllegations : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "LadoAllegations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                WorkerName = table.Column<string>(maxLength: 200, nullable: false),
                EmployerAgencyId = table.Column<Guid>(nullable: true),
                EmployerName = table.Column<string>(maxLength: 200, nullable: true),
                WorkerRole = table.Column<string>(maxLength: 200, nullable: false),
                Sector = table.Column<string>(maxLength: 64, nullable: false),
                ContactId = table.Column<Guid>(nullable: true),
                ReferredOn = table.Column<DateOnly>(nullable: false),
                ReferrerAgencyId = table.Column<Guid>(nullable: true),
                ReferrerName = table.Column<string>(maxLength: 200, nullable: false),
                Category = table.Column<string>(maxLength: 64, nullable: false),
                Allegation = table.Column<string>(maxLength: 4000, nullable: false),
                ConsideredOn = table.Column<DateOnly>(nullable: true),
                Decision = table.Column<string>(maxLength: 64, nullable: true),
                DecisionReason = table.Column<string>(maxLength: 4000, nullable: true),
                StrategyDiscussionOn = table.Column<DateOnly>(nullable: true),
                Section47StartedOn = table.Column<DateOnly>(nullable: true),
                StrategyNotes = table.Column<string>(maxLength: 4000, nullable: true),
                PoliceActions = table.Column<string>(maxLength: 4000, nullable: true),
                Suspended = table.Column<bool>(nullable: true),
                SuspendedFrom = table.Column<DateOnly>(nullable: true),
                SuspendedUntil = table.Column<DateOnly>(nullable: true),
                EmployerInvestigation = table.Column<string>(maxLength: 4000, nullable: true),
                Disciplinary = table.Column<string>(maxLength: 4000, nullable: true),
                Outcome = table.Column<string>(maxLength: 64, nullable: true),
                OutcomeNotes = table.Column<string>(maxLength: 4000, nullable: true),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                OwnerUserId = table.Column<Guid>(nullable: true),
                OwnerName = table.Column<string>(maxLength: 200, nullable: false),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LadoAllegations", x => x.Id);
                table.ForeignKey("FK_LadoAllegations_Agencies_EmployerAgencyId", x => x.EmployerAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LadoAllegations_Agencies_ReferrerAgencyId", x => x.ReferrerAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LadoAllegations_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_LadoAllegations_ReferredOn", "LadoAllegations", "ReferredOn");
        migrationBuilder.CreateIndex("IX_LadoAllegations_OwnerUserId_ClosedOn", "LadoAllegations", ["OwnerUserId", "ClosedOn"]);
        migrationBuilder.CreateIndex("IX_LadoAllegations_ContactId", "LadoAllegations", "ContactId", unique: true);
        migrationBuilder.CreateIndex("IX_LadoAllegations_EmployerAgencyId", "LadoAllegations", "EmployerAgencyId");
        migrationBuilder.CreateIndex("IX_LadoAllegations_ReferrerAgencyId", "LadoAllegations", "ReferrerAgencyId");

        migrationBuilder.CreateTable(
            name: "LadoAllegationChildren",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AllegationId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LadoAllegationChildren", x => x.Id);
                table.ForeignKey("FK_LadoAllegationChildren_LadoAllegations_AllegationId", x => x.AllegationId, "LadoAllegations", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_LadoAllegationChildren_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_LadoAllegationChildren_AllegationId_PersonId", "LadoAllegationChildren", ["AllegationId", "PersonId"], unique: true);
        migrationBuilder.CreateIndex("IX_LadoAllegationChildren_PersonId", "LadoAllegationChildren", "PersonId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("LadoAllegationChildren");
        migrationBuilder.DropTable("LadoAllegations");
    }
}
