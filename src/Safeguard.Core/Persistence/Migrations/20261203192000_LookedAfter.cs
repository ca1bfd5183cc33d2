using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Children looked after: care episodes (with their SSDA903 codes and the IRO), looked-after reviews, health assessments and dental checks.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261203192000_LookedAfter")]
public sealed class LookedAfter : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "CareEpisodes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                StartedOn = table.Column<DateOnly>(nullable: false),
                EndedOn = table.Column<DateOnly>(nullable: true),
                ReasonForNewEpisode = table.Column<string>(maxLength: 8, nullable: false),
                LegalStatus = table.Column<string>(maxLength: 8, nullable: false),
                CategoryOfNeed = table.Column<string>(maxLength: 8, nullable: false),
                PlacementType = table.Column<string>(maxLength: 8, nullable: false),
                PlacementProvider = table.Column<string>(maxLength: 8, nullable: true),
                PlacementPostcode = table.Column<string>(maxLength: 8, nullable: true),
                ReasonEpisodeCeased = table.Column<string>(maxLength: 8, nullable: true),
                ReasonPlacementChanged = table.Column<string>(maxLength: 8, nullable: true),
                IroUserId = table.Column<Guid>(nullable: true),
                IroName = table.Column<string>(maxLength: 200, nullable: false),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CareEpisodes", x => x.Id);
                table.ForeignKey("FK_CareEpisodes_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CareEpisodes_AspNetUsers_IroUserId", x => x.IroUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_CareEpisodes_PersonId_StartedOn", "CareEpisodes", ["PersonId", "StartedOn"]);
        migrationBuilder.CreateIndex("IX_CareEpisodes_EndedOn_PersonId", "CareEpisodes", ["EndedOn", "PersonId"]);
        migrationBuilder.CreateIndex("IX_CareEpisodes_IroUserId", "CareEpisodes", "IroUserId");

        migrationBuilder.CreateTable(
            name: "LookedAfterReviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                IroUserId = table.Column<Guid>(nullable: true),
                IroName = table.Column<string>(maxLength: 200, nullable: false),
                Participation = table.Column<string>(maxLength: 8, nullable: false),
                Decisions = table.Column<string>(maxLength: 4000, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LookedAfterReviews", x => x.Id);
                table.ForeignKey("FK_LookedAfterReviews_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_LookedAfterReviews_AspNetUsers_IroUserId", x => x.IroUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LookedAfterReviews_PersonId_HeldOn", "LookedAfterReviews", ["PersonId", "HeldOn"]);
        migrationBuilder.CreateIndex("IX_LookedAfterReviews_IroUserId", "LookedAfterReviews", "IroUserId");

        migrationBuilder.CreateTable(
            name: "LookedAfterHealthChecks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                DoneOn = table.Column<DateOnly>(nullable: false),
                DoneBy = table.Column<string>(maxLength: 200, nullable: false),
                Notes = table.Column<string>(maxLength: 2000, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_LookedAfterHealthChecks", x => x.Id);
                table.ForeignKey("FK_LookedAfterHealthChecks_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_LookedAfterHealthChecks_PersonId_Kind_DoneOn", "LookedAfterHealthChecks", ["PersonId", "Kind", "DoneOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("LookedAfterHealthChecks");
        migrationBuilder.DropTable("LookedAfterReviews");
        migrationBuilder.DropTable("CareEpisodes");
    }
}
