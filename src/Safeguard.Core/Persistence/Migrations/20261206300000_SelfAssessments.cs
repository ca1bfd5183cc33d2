using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Section 11 and section 175 self-assessments: rounds and their standard, returns per agency, answers, challenge and actions; a school's phase.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261206300000_SelfAssessments")]
public sealed class SelfAssessments : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.AddColumn<string>(name: "Phase", table: "Agencies", maxLength: 64, nullable: true);

        migrationBuilder.CreateTable(
            name: "SelfAssessmentRounds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                YearStart = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                DueOn = table.Column<DateOnly>(nullable: true),
                SentAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                ClosedOn = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_SelfAssessmentRounds", x => x.Id));
        migrationBuilder.CreateIndex("IX_SelfAssessmentRounds_YearStart_Kind", "SelfAssessmentRounds", ["YearStart", "Kind"]);

        migrationBuilder.CreateTable(
            name: "SelfAssessmentQuestions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                StandardNumber = table.Column<int>(nullable: false),
                StandardTitle = table.Column<string>(maxLength: 200, nullable: false),
                Number = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SelfAssessmentQuestions", x => x.Id);
                table.ForeignKey("FK_SelfAssessmentQuestions_SelfAssessmentRounds_RoundId", x => x.RoundId, "SelfAssessmentRounds", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SelfAssessmentQuestions_RoundId_StandardNumber_Number", "SelfAssessmentQuestions", ["RoundId", "StandardNumber", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "SelfAssessmentReturns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                Sector = table.Column<string>(maxLength: 100, nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                SubmittedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                SubmittedBy = table.Column<string>(maxLength: 200, nullable: true),
                Reminders = table.Column<int>(nullable: false),
                LastRemindedOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SelfAssessmentReturns", x => x.Id);
                table.ForeignKey("FK_SelfAssessmentReturns_SelfAssessmentRounds_RoundId", x => x.RoundId, "SelfAssessmentRounds", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_SelfAssessmentReturns_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SelfAssessmentReturns_RoundId_AgencyId", "SelfAssessmentReturns", ["RoundId", "AgencyId"], unique: true);
        migrationBuilder.CreateIndex("IX_SelfAssessmentReturns_AgencyId_SubmittedAt", "SelfAssessmentReturns", ["AgencyId", "SubmittedAt"]);

        migrationBuilder.CreateTable(
            name: "SelfAssessmentAnswers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReturnId = table.Column<Guid>(nullable: false),
                QuestionId = table.Column<Guid>(nullable: false),
                Rating = table.Column<string>(maxLength: 64, nullable: true),
                Evidence = table.Column<string>(maxLength: 4000, nullable: true),
                Action = table.Column<string>(maxLength: 4000, nullable: true),
                AgreedRating = table.Column<string>(maxLength: 64, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SelfAssessmentAnswers", x => x.Id);
                table.ForeignKey("FK_SelfAssessmentAnswers_SelfAssessmentReturns_ReturnId", x => x.ReturnId, "SelfAssessmentReturns", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_SelfAssessmentAnswers_SelfAssessmentQuestions_QuestionId", x => x.QuestionId, "SelfAssessmentQuestions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SelfAssessmentAnswers_ReturnId_QuestionId", "SelfAssessmentAnswers", ["ReturnId", "QuestionId"], unique: true);
        migrationBuilder.CreateIndex("IX_SelfAssessmentAnswers_QuestionId", "SelfAssessmentAnswers", "QuestionId");

        migrationBuilder.CreateTable(
            name: "SelfAssessmentChallenges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReturnId = table.Column<Guid>(nullable: false),
                QuestionId = table.Column<Guid>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Outcome = table.Column<string>(maxLength: 64, nullable: false),
                RatingBefore = table.Column<string>(maxLength: 64, nullable: true),
                RatingAfter = table.Column<string>(maxLength: 64, nullable: true),
                Note = table.Column<string>(maxLength: 4000, nullable: true),
                RecordedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SelfAssessmentChallenges", x => x.Id);
                table.ForeignKey("FK_SelfAssessmentChallenges_SelfAssessmentReturns_ReturnId", x => x.ReturnId, "SelfAssessmentReturns", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_SelfAssessmentChallenges_SelfAssessmentQuestions_QuestionId", x => x.QuestionId, "SelfAssessmentQuestions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SelfAssessmentChallenges_ReturnId", "SelfAssessmentChallenges", "ReturnId");
        migrationBuilder.CreateIndex("IX_SelfAssessmentChallenges_QuestionId", "SelfAssessmentChallenges", "QuestionId");

        migrationBuilder.CreateTable(
            name: "SelfAssessmentActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                ReturnId = table.Column<Guid>(nullable: false),
                QuestionId = table.Column<Guid>(nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                OwningAgencyId = table.Column<Guid>(nullable: false),
                Owner = table.Column<string>(maxLength: 200, nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                Evidence = table.Column<string>(maxLength: 4000, nullable: true),
                CompletedOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SelfAssessmentActions", x => x.Id);
                table.ForeignKey("FK_SelfAssessmentActions_SelfAssessmentRounds_RoundId", x => x.RoundId, "SelfAssessmentRounds", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_SelfAssessmentActions_SelfAssessmentReturns_ReturnId", x => x.ReturnId, "SelfAssessmentReturns", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_SelfAssessmentActions_SelfAssessmentQuestions_QuestionId", x => x.QuestionId, "SelfAssessmentQuestions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_SelfAssessmentActions_Agencies_OwningAgencyId", x => x.OwningAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SelfAssessmentActions_RoundId", "SelfAssessmentActions", "RoundId");
        migrationBuilder.CreateIndex("IX_SelfAssessmentActions_ReturnId", "SelfAssessmentActions", "ReturnId");
        migrationBuilder.CreateIndex("IX_SelfAssessmentActions_QuestionId", "SelfAssessmentActions", "QuestionId");
        migrationBuilder.CreateIndex("IX_SelfAssessmentActions_OwningAgencyId", "SelfAssessmentActions", "OwningAgencyId");
        migrationBuilder.CreateIndex("IX_SelfAssessmentActions_Status_DueOn", "SelfAssessmentActions", ["Status", "DueOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("SelfAssessmentActions");
        migrationBuilder.DropTable("SelfAssessmentChallenges");
        migrationBuilder.DropTable("SelfAssessmentAnswers");
        migrationBuilder.DropTable("SelfAssessmentReturns");
        migrationBuilder.DropTable("SelfAssessmentQuestions");
        migrationBuilder.DropTable("SelfAssessmentRounds");
        migrationBuilder.DropColumn("Phase", "Agencies");
    }
}
