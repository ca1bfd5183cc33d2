using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Care leavers (personal adviser, adult services), pathway plans, OC3 birthday contacts and adoption decisions.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261204000000_CareLeaversAndAdoption")]
public sealed class CareLeaversAndAdoption : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "CareLeavers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                PersonalAdviserUserId = table.Column<Guid>(nullable: true),
                PersonalAdviserName = table.Column<string>(maxLength: 200, nullable: true),
                NeedsAdultServices = table.Column<bool>(nullable: true),
                AdultServicesNote = table.Column<string>(maxLength: 2000, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CareLeavers", x => x.Id);
                table.ForeignKey("FK_CareLeavers_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CareLeavers_AspNetUsers_PersonalAdviserUserId", x => x.PersonalAdviserUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CareLeavers_PersonId", "CareLeavers", "PersonId", unique: true);
        migrationBuilder.CreateIndex("IX_CareLeavers_PersonalAdviserUserId", "CareLeavers", "PersonalAdviserUserId");

        migrationBuilder.CreateTable(
            name: "PathwayPlans",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                AgreedOn = table.Column<DateOnly>(nullable: false),
                IsReview = table.Column<bool>(nullable: false),
                Summary = table.Column<string>(maxLength: 4000, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PathwayPlans", x => x.Id);
                table.ForeignKey("FK_PathwayPlans_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PathwayPlans_PersonId_AgreedOn", "PathwayPlans", ["PersonId", "AgreedOn"]);

        migrationBuilder.CreateTable(
            name: "CareLeaverContacts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Birthday = table.Column<int>(nullable: false),
                ContactedOn = table.Column<DateOnly>(nullable: false),
                InTouch = table.Column<string>(maxLength: 8, nullable: false),
                Activity = table.Column<string>(maxLength: 8, nullable: false),
                Accommodation = table.Column<string>(maxLength: 8, nullable: false),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CareLeaverContacts", x => x.Id);
                table.ForeignKey("FK_CareLeaverContacts_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CareLeaverContacts_PersonId_Birthday", "CareLeaverContacts", ["PersonId", "Birthday"], unique: true);

        migrationBuilder.CreateTable(
            name: "AdoptionDecisions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                DecidedOn = table.Column<DateOnly>(nullable: false),
                PlacementOrderOn = table.Column<DateOnly>(nullable: true),
                MatchedOn = table.Column<DateOnly>(nullable: true),
                PlacedOn = table.Column<DateOnly>(nullable: true),
                AdoptionOrderOn = table.Column<DateOnly>(nullable: true),
                NoLongerPlacedOn = table.Column<DateOnly>(nullable: true),
                ReasonNoLongerPlaced = table.Column<string>(maxLength: 8, nullable: true),
                AdoptedByFosterCarers = table.Column<string>(maxLength: 8, nullable: true),
                NumberOfAdopters = table.Column<string>(maxLength: 8, nullable: true),
                SexOfAdopters = table.Column<string>(maxLength: 8, nullable: true),
                LegalStatusOfAdopters = table.Column<string>(maxLength: 8, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AdoptionDecisions", x => x.Id);
                table.ForeignKey("FK_AdoptionDecisions_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AdoptionDecisions_PersonId_DecidedOn", "AdoptionDecisions", ["PersonId", "DecidedOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AdoptionDecisions");
        migrationBuilder.DropTable("CareLeaverContacts");
        migrationBuilder.DropTable("PathwayPlans");
        migrationBuilder.DropTable("CareLeavers");
    }
}
