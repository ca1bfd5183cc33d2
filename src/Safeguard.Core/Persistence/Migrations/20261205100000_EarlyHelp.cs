using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Early help episodes by family: members, lead professionals over time, the team around the family and reviews.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261205100000_EarlyHelp")]
public sealed class EarlyHelp : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "EarlyHelpEpisodes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FamilyName = table.Column<string>(maxLength: 200, nullable: false),
                StartedOn = table.Column<DateOnly>(nullable: false),
                Source = table.Column<string>(maxLength: 64, nullable: false),
                FrontDoorContactId = table.Column<Guid>(nullable: true),
                StepDownFromEpisodeId = table.Column<Guid>(nullable: true),
                RequestedByAgencyId = table.Column<Guid>(nullable: true),
                AssessmentStartedOn = table.Column<DateOnly>(nullable: true),
                AssessmentCompletedOn = table.Column<DateOnly>(nullable: true),
                AssessmentAuthorisedOn = table.Column<DateOnly>(nullable: true),
                Needs = table.Column<string>(maxLength: 400, nullable: true),
                StepUpContactId = table.Column<Guid>(nullable: true),
                SteppedUpOn = table.Column<DateOnly>(nullable: true),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                Outcome = table.Column<string>(maxLength: 64, nullable: true),
                ClosureNote = table.Column<string>(maxLength: 4000, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EarlyHelpEpisodes", x => x.Id);
                table.ForeignKey("FK_EarlyHelpEpisodes_Contacts_FrontDoorContactId", x => x.FrontDoorContactId, "Contacts", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_EarlyHelpEpisodes_Contacts_StepUpContactId", x => x.StepUpContactId, "Contacts", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_EarlyHelpEpisodes_NeedEpisodes_StepDownFromEpisodeId", x => x.StepDownFromEpisodeId, "NeedEpisodes", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_EarlyHelpEpisodes_Agencies_RequestedByAgencyId", x => x.RequestedByAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_EarlyHelpEpisodes_ClosedOn", "EarlyHelpEpisodes", "ClosedOn");
        migrationBuilder.CreateIndex("IX_EarlyHelpEpisodes_StartedOn", "EarlyHelpEpisodes", "StartedOn");
        migrationBuilder.CreateIndex("IX_EarlyHelpEpisodes_FrontDoorContactId", "EarlyHelpEpisodes", "FrontDoorContactId");
        migrationBuilder.CreateIndex("IX_EarlyHelpEpisodes_StepUpContactId", "EarlyHelpEpisodes", "StepUpContactId");
        migrationBuilder.CreateIndex("IX_EarlyHelpEpisodes_StepDownFromEpisodeId", "EarlyHelpEpisodes", "StepDownFromEpisodeId");
        migrationBuilder.CreateIndex("IX_EarlyHelpEpisodes_RequestedByAgencyId", "EarlyHelpEpisodes", "RequestedByAgencyId");

        migrationBuilder.CreateTable(
            name: "EarlyHelpFamilyMembers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EpisodeId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                IsChild = table.Column<bool>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EarlyHelpFamilyMembers", x => x.Id);
                table.ForeignKey("FK_EarlyHelpFamilyMembers_EarlyHelpEpisodes_EpisodeId", x => x.EpisodeId, "EarlyHelpEpisodes", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_EarlyHelpFamilyMembers_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_EarlyHelpFamilyMembers_EpisodeId_PersonId", "EarlyHelpFamilyMembers", ["EpisodeId", "PersonId"], unique: true);
        migrationBuilder.CreateIndex("IX_EarlyHelpFamilyMembers_PersonId", "EarlyHelpFamilyMembers", "PersonId");

        migrationBuilder.CreateTable(
            name: "EarlyHelpLeads",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EpisodeId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 200, nullable: true),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EarlyHelpLeads", x => x.Id);
                table.ForeignKey("FK_EarlyHelpLeads_EarlyHelpEpisodes_EpisodeId", x => x.EpisodeId, "EarlyHelpEpisodes", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_EarlyHelpLeads_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_EarlyHelpLeads_EpisodeId", "EarlyHelpLeads", "EpisodeId");
        migrationBuilder.CreateIndex("IX_EarlyHelpLeads_AgencyId_To", "EarlyHelpLeads", ["AgencyId", "To"]);
        migrationBuilder.CreateIndex("IX_EarlyHelpLeads_UserId_To", "EarlyHelpLeads", ["UserId", "To"]);

        migrationBuilder.CreateTable(
            name: "EarlyHelpTeamMembers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EpisodeId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 200, nullable: false),
                JoinedOn = table.Column<DateOnly>(nullable: false),
                LeftOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EarlyHelpTeamMembers", x => x.Id);
                table.ForeignKey("FK_EarlyHelpTeamMembers_EarlyHelpEpisodes_EpisodeId", x => x.EpisodeId, "EarlyHelpEpisodes", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_EarlyHelpTeamMembers_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_EarlyHelpTeamMembers_EpisodeId", "EarlyHelpTeamMembers", "EpisodeId");
        migrationBuilder.CreateIndex("IX_EarlyHelpTeamMembers_AgencyId_LeftOn", "EarlyHelpTeamMembers", ["AgencyId", "LeftOn"]);

        migrationBuilder.CreateTable(
            name: "EarlyHelpReviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EpisodeId = table.Column<Guid>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Progress = table.Column<string>(maxLength: 64, nullable: false),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_EarlyHelpReviews", x => x.Id);
                table.ForeignKey("FK_EarlyHelpReviews_EarlyHelpEpisodes_EpisodeId", x => x.EpisodeId, "EarlyHelpEpisodes", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_EarlyHelpReviews_EpisodeId_HeldOn", "EarlyHelpReviews", ["EpisodeId", "HeldOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("EarlyHelpReviews");
        migrationBuilder.DropTable("EarlyHelpTeamMembers");
        migrationBuilder.DropTable("EarlyHelpLeads");
        migrationBuilder.DropTable("EarlyHelpFamilyMembers");
        migrationBuilder.DropTable("EarlyHelpEpisodes");
    }
}
