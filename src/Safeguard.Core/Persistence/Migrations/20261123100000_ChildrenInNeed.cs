using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// The child's journey: episodes of need with their assessments, child in need plans, strategy discussions,
/// section 47 enquiries (with the initial conference), child protection plans and their reviews, and allocations.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261123100000_ChildrenInNeed")]
public sealed class ChildrenInNeed : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "NeedEpisodes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                ReferralDate = table.Column<DateOnly>(nullable: false),
                ReferralSource = table.Column<string>(maxLength: 2, nullable: false),
                PrimaryNeedCode = table.Column<string>(maxLength: 2, nullable: true),
                ReferralNfa = table.Column<bool>(nullable: false),
                FrontDoorContactId = table.Column<Guid>(nullable: true),
                ClosureDate = table.Column<DateOnly>(nullable: true),
                ReasonForClosure = table.Column<string>(maxLength: 3, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NeedEpisodes", x => x.Id);
                table.ForeignKey("FK_NeedEpisodes_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CaseAssessments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EpisodeId = table.Column<Guid>(nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                ChildSeenDate = table.Column<DateOnly>(nullable: true),
                AuthorisationDate = table.Column<DateOnly>(nullable: true),
                Factors = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseAssessments", x => x.Id);
                table.ForeignKey("FK_CaseAssessments_NeedEpisodes_EpisodeId", x => x.EpisodeId, "NeedEpisodes", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ChildInNeedPlans",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EpisodeId = table.Column<Guid>(nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                EndDate = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChildInNeedPlans", x => x.Id);
                table.ForeignKey("FK_ChildInNeedPlans_NeedEpisodes_EpisodeId", x => x.EpisodeId, "NeedEpisodes", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "StrategyDiscussions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EpisodeId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Outcome = table.Column<string>(maxLength: 64, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                table.ForeignKey("FK_StrategyDiscussions_NeedEpisodes_EpisodeId", x => x.EpisodeId, "NeedEpisodes", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "S47Enquiries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EpisodeId = table.Column<Guid>(nullable: false),
                StrategyDiscussionId = table.Column<Guid>(nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                IcpcTargetDate = table.Column<DateOnly>(nullable: false),
                IcpcNotRequired = table.Column<bool>(nullable: false),
                ConferenceDate = table.Column<DateOnly>(nullable: true),
                ConferenceOutcome = table.Column<string>(maxLength: 64, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_S47Enquiries", x => x.Id);
                table.ForeignKey("FK_S47Enquiries_NeedEpisodes_EpisodeId", x => x.EpisodeId, "NeedEpisodes", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_S47Enquiries_StrategyDiscussions_StrategyDiscussionId", x => x.StrategyDiscussionId, "StrategyDiscussions", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ProtectionPlans",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EpisodeId = table.Column<Guid>(nullable: false),
                EnquiryId = table.Column<Guid>(nullable: true),
                StartDate = table.Column<DateOnly>(nullable: false),
                EndDate = table.Column<DateOnly>(nullable: true),
                InitialCategory = table.Column<string>(maxLength: 3, nullable: false),
                LatestCategory = table.Column<string>(maxLength: 3, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProtectionPlans", x => x.Id);
                table.ForeignKey("FK_ProtectionPlans_NeedEpisodes_EpisodeId", x => x.EpisodeId, "NeedEpisodes", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ProtectionPlans_S47Enquiries_EnquiryId", x => x.EnquiryId, "S47Enquiries", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ReviewConferences",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                Date = table.Column<DateOnly>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewConferences", x => x.Id);
                table.ForeignKey("FK_ReviewConferences_ProtectionPlans_PlanId", x => x.PlanId, "ProtectionPlans", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CaseAllocations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EpisodeId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                TeamId = table.Column<Guid>(nullable: false),
                WorkerId = table.Column<Guid>(nullable: true),
                From = table.Column<DateTimeOffset>(type: instant, nullable: false),
                To = table.Column<DateTimeOffset>(type: instant, nullable: true),
                AllocatedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseAllocations", x => x.Id);
                table.ForeignKey("FK_CaseAllocations_NeedEpisodes_EpisodeId", x => x.EpisodeId, "NeedEpisodes", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CaseAllocations_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CaseAllocations_Teams_TeamId", x => x.TeamId, "Teams", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_CaseAllocations_AspNetUsers_WorkerId", x => x.WorkerId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_NeedEpisodes_PersonId", "NeedEpisodes", "PersonId");
        migrationBuilder.CreateIndex("IX_NeedEpisodes_FrontDoorContactId", "NeedEpisodes", "FrontDoorContactId");
        migrationBuilder.CreateIndex("IX_CaseAssessments_EpisodeId", "CaseAssessments", "EpisodeId");
        migrationBuilder.CreateIndex("IX_ChildInNeedPlans_EpisodeId", "ChildInNeedPlans", "EpisodeId");
        migrationBuilder.CreateIndex("IX_StrategyDiscussions_EpisodeId", "StrategyDiscussions", "EpisodeId");
        migrationBuilder.CreateIndex("IX_S47Enquiries_EpisodeId", "S47Enquiries", "EpisodeId");
        migrationBuilder.CreateIndex("IX_S47Enquiries_StrategyDiscussionId", "S47Enquiries", "StrategyDiscussionId", unique: true);
        migrationBuilder.CreateIndex("IX_ProtectionPlans_EpisodeId", "ProtectionPlans", "EpisodeId");
        migrationBuilder.CreateIndex("IX_ProtectionPlans_EnquiryId", "ProtectionPlans", "EnquiryId");
        migrationBuilder.CreateIndex("IX_ReviewConferences_PlanId", "ReviewConferences", "PlanId");
        migrationBuilder.CreateIndex("IX_CaseAllocations_EpisodeId", "CaseAllocations", "EpisodeId");
        migrationBuilder.CreateIndex("IX_CaseAllocations_PersonId", "CaseAllocations", "PersonId");
        migrationBuilder.CreateIndex("IX_CaseAllocations_TeamId", "CaseAllocations", "TeamId");
        migrationBuilder.CreateIndex("IX_CaseAllocations_WorkerId", "CaseAllocations", "WorkerId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("CaseAllocations");
        migrationBuilder.DropTable("ReviewConferences");
        migrationBuilder.DropTable("ProtectionPlans");
        migrationBuilder.DropTable("S47Enquiries");
        migrationBuilder.DropTable("StrategyDiscussions");
        migrationBuilder.DropTable("ChildInNeedPlans");
        migrationBuilder.DropTable("CaseAssessments");
        migrationBuilder.DropTable("NeedEpisodes");
    }
}
