using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Missing episodes (reported by the police or recorded by the front door) and their return home interviews.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261203140000_MissingEpisodes")]
public sealed class MissingEpisodes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "MissingEpisodes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: true),
                DescribedName = table.Column<string>(maxLength: 201, nullable: false),
                DescribedDateOfBirth = table.Column<DateOnly>(nullable: true),
                DescribedNhsNumber = table.Column<string>(maxLength: 10, nullable: true),
                DescribedUpn = table.Column<string>(maxLength: 13, nullable: true),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                StartedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                EndedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                From = table.Column<string>(maxLength: 64, nullable: false),
                WhereFound = table.Column<string>(maxLength: 4000, nullable: true),
                RiskAtReport = table.Column<string>(maxLength: 64, nullable: true),
                LookedAfter = table.Column<bool>(nullable: false),
                Circumstances = table.Column<string>(maxLength: 4000, nullable: true),
                PoliceReference = table.Column<string>(maxLength: 50, nullable: true),
                ReportedByAgencyId = table.Column<Guid>(nullable: false),
                ReportedByName = table.Column<string>(maxLength: 200, nullable: false),
                ReportedByPartner = table.Column<bool>(nullable: false),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByUserId = table.Column<Guid>(nullable: true),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MissingEpisodes", x => x.Id);
                table.ForeignKey("FK_MissingEpisodes_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_MissingEpisodes_Agencies_ReportedByAgencyId", x => x.ReportedByAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_MissingEpisodes_PersonId_StartedAt", "MissingEpisodes", ["PersonId", "StartedAt"]);
        migrationBuilder.CreateIndex("IX_MissingEpisodes_EndedAt", "MissingEpisodes", "EndedAt");
        migrationBuilder.CreateIndex("IX_MissingEpisodes_ReportedByAgencyId", "MissingEpisodes", "ReportedByAgencyId");

        migrationBuilder.CreateTable(
            name: "ReturnInterviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EpisodeId = table.Column<Guid>(nullable: false),
                OfferedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Interviewer = table.Column<string>(maxLength: 200, nullable: false),
                Organisation = table.Column<string>(maxLength: 200, nullable: true),
                Independent = table.Column<bool>(nullable: false),
                Outcome = table.Column<string>(maxLength: 64, nullable: false),
                HeldAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                Reason = table.Column<string>(maxLength: 4000, nullable: true),
                PushFactors = table.Column<string>(maxLength: 4000, nullable: true),
                PullFactors = table.Column<string>(maxLength: 4000, nullable: true),
                WhereTheyWere = table.Column<string>(maxLength: 4000, nullable: true),
                WithWhom = table.Column<string>(maxLength: 4000, nullable: true),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReturnInterviews", x => x.Id);
                table.ForeignKey("FK_ReturnInterviews_MissingEpisodes_EpisodeId", x => x.EpisodeId, "MissingEpisodes", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_ReturnInterviews_EpisodeId", "ReturnInterviews", "EpisodeId", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ReturnInterviews");
        migrationBuilder.DropTable("MissingEpisodes");
    }
}
