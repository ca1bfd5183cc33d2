using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>The partnership's improvement plan: plans, outcomes, workstreams, milestones and actions, ratings per period (kept), evidence notes and period summaries.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261207100000_ImprovementPlan")]
public sealed class ImprovementPlan : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "ImprovementPlans",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                StartsOn = table.Column<DateOnly>(nullable: false),
                EndsOn = table.Column<DateOnly>(nullable: false),
                Frequency = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ImprovementPlans", x => x.Id));

        migrationBuilder.CreateTable(
            name: "ImprovementOutcomes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 4000, nullable: false),
                Theme = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImprovementOutcomes", x => x.Id);
                table.ForeignKey("FK_ImprovementOutcomes_ImprovementPlans_PlanId", x => x.PlanId, "ImprovementPlans", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ImprovementOutcomes_PlanId_Number", "ImprovementOutcomes", ["PlanId", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "ImprovementWorkstreams",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                OutcomeId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                LeadUserId = table.Column<Guid>(nullable: false),
                LeadName = table.Column<string>(maxLength: 200, nullable: false),
                LeadAgencyId = table.Column<Guid>(nullable: false),
                Impact = table.Column<string>(maxLength: 4000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImprovementWorkstreams", x => x.Id);
                table.ForeignKey("FK_ImprovementWorkstreams_ImprovementPlans_PlanId", x => x.PlanId, "ImprovementPlans", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ImprovementWorkstreams_ImprovementOutcomes_OutcomeId", x => x.OutcomeId, "ImprovementOutcomes", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ImprovementWorkstreams_Agencies_LeadAgencyId", x => x.LeadAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ImprovementWorkstreams_AspNetUsers_LeadUserId", x => x.LeadUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ImprovementWorkstreams_PlanId", "ImprovementWorkstreams", "PlanId");
        migrationBuilder.CreateIndex("IX_ImprovementWorkstreams_OutcomeId", "ImprovementWorkstreams", "OutcomeId");
        migrationBuilder.CreateIndex("IX_ImprovementWorkstreams_LeadAgencyId", "ImprovementWorkstreams", "LeadAgencyId");
        migrationBuilder.CreateIndex("IX_ImprovementWorkstreams_LeadUserId", "ImprovementWorkstreams", "LeadUserId");

        migrationBuilder.CreateTable(
            name: "ImprovementActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                WorkstreamId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                Title = table.Column<string>(maxLength: 4000, nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                OwnerUserId = table.Column<Guid>(nullable: false),
                OwnerName = table.Column<string>(maxLength: 200, nullable: false),
                OwnerAgencyId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                CompletedOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImprovementActions", x => x.Id);
                table.ForeignKey("FK_ImprovementActions_ImprovementPlans_PlanId", x => x.PlanId, "ImprovementPlans", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ImprovementActions_ImprovementWorkstreams_WorkstreamId", x => x.WorkstreamId, "ImprovementWorkstreams", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ImprovementActions_Agencies_OwnerAgencyId", x => x.OwnerAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ImprovementActions_AspNetUsers_OwnerUserId", x => x.OwnerUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ImprovementActions_PlanId", "ImprovementActions", "PlanId");
        migrationBuilder.CreateIndex("IX_ImprovementActions_WorkstreamId", "ImprovementActions", "WorkstreamId");
        migrationBuilder.CreateIndex("IX_ImprovementActions_OwnerAgencyId", "ImprovementActions", "OwnerAgencyId");
        migrationBuilder.CreateIndex("IX_ImprovementActions_OwnerUserId_Status_DueOn", "ImprovementActions", ["OwnerUserId", "Status", "DueOn"]);

        migrationBuilder.CreateTable(
            name: "ImprovementRatings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                ItemKind = table.Column<string>(maxLength: 64, nullable: false),
                ItemId = table.Column<Guid>(nullable: false),
                Period = table.Column<string>(maxLength: 16, nullable: false),
                Rating = table.Column<string>(maxLength: 64, nullable: false),
                Commentary = table.Column<string>(maxLength: 4000, nullable: true),
                RatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RatedByUserId = table.Column<Guid>(nullable: true),
                RatedBy = table.Column<string>(maxLength: 200, nullable: false),
                SupersedesId = table.Column<Guid>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImprovementRatings", x => x.Id);
                table.ForeignKey("FK_ImprovementRatings_ImprovementPlans_PlanId", x => x.PlanId, "ImprovementPlans", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ImprovementRatings_PlanId_Period", "ImprovementRatings", ["PlanId", "Period"]);
        migrationBuilder.CreateIndex("IX_ImprovementRatings_ItemId_Period", "ImprovementRatings", ["ItemId", "Period"]);

        migrationBuilder.CreateTable(
            name: "ImprovementEvidenceNotes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                WorkstreamId = table.Column<Guid>(nullable: false),
                ActionId = table.Column<Guid>(nullable: true),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImprovementEvidenceNotes", x => x.Id);
                table.ForeignKey("FK_ImprovementEvidenceNotes_ImprovementPlans_PlanId", x => x.PlanId, "ImprovementPlans", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ImprovementEvidenceNotes_ImprovementWorkstreams_WorkstreamId", x => x.WorkstreamId, "ImprovementWorkstreams", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ImprovementEvidenceNotes_ImprovementActions_ActionId", x => x.ActionId, "ImprovementActions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ImprovementEvidenceNotes_PlanId", "ImprovementEvidenceNotes", "PlanId");
        migrationBuilder.CreateIndex("IX_ImprovementEvidenceNotes_WorkstreamId", "ImprovementEvidenceNotes", "WorkstreamId");
        migrationBuilder.CreateIndex("IX_ImprovementEvidenceNotes_ActionId", "ImprovementEvidenceNotes", "ActionId");

        migrationBuilder.CreateTable(
            name: "ImprovementPeriodSummaries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PlanId = table.Column<Guid>(nullable: false),
                Period = table.Column<string>(maxLength: 16, nullable: false),
                KeyAchievements = table.Column<string>(maxLength: 4000, nullable: true),
                KeyChallenges = table.Column<string>(maxLength: 4000, nullable: true),
                UpdatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ImprovementPeriodSummaries", x => x.Id);
                table.ForeignKey("FK_ImprovementPeriodSummaries_ImprovementPlans_PlanId", x => x.PlanId, "ImprovementPlans", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ImprovementPeriodSummaries_PlanId_Period", "ImprovementPeriodSummaries", ["PlanId", "Period"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ImprovementPeriodSummaries");
        migrationBuilder.DropTable("ImprovementEvidenceNotes");
        migrationBuilder.DropTable("ImprovementRatings");
        migrationBuilder.DropTable("ImprovementActions");
        migrationBuilder.DropTable("ImprovementWorkstreams");
        migrationBuilder.DropTable("ImprovementOutcomes");
        migrationBuilder.DropTable("ImprovementPlans");
    }
}
