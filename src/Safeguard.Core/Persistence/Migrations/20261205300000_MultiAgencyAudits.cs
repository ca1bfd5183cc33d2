using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Multi-agency audits: the programme, each audit's tool, its sample of cases, agencies' returns, findings and actions.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261205300000_MultiAgencyAudits")]
public sealed class MultiAgencyAudits : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "MultiAgencyAudits",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Theme = table.Column<string>(maxLength: 200, nullable: false),
                YearStart = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                Scale = table.Column<string>(maxLength: 2000, nullable: false),
                ReturnsDueOn = table.Column<DateOnly>(nullable: true),
                Conclusion = table.Column<string>(maxLength: 4000, nullable: true),
                ConcludedOn = table.Column<DateOnly>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_MultiAgencyAudits", x => x.Id));
        migrationBuilder.CreateIndex("IX_MultiAgencyAudits_YearStart", "MultiAgencyAudits", "YearStart");

        migrationBuilder.CreateTable(
            name: "AuditQuestions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AuditId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditQuestions", x => x.Id);
                table.ForeignKey("FK_AuditQuestions_MultiAgencyAudits_AuditId", x => x.AuditId, "MultiAgencyAudits", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AuditQuestions_AuditId", "AuditQuestions", "AuditId");

        migrationBuilder.CreateTable(
            name: "AuditCases",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AuditId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                SampledBy = table.Column<string>(maxLength: 500, nullable: false),
                ModeratorGrade = table.Column<string>(maxLength: 100, nullable: true),
                ModerationNote = table.Column<string>(maxLength: 4000, nullable: true),
                ModeratedBy = table.Column<string>(maxLength: 200, nullable: true),
                ModeratedOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditCases", x => x.Id);
                table.ForeignKey("FK_AuditCases_MultiAgencyAudits_AuditId", x => x.AuditId, "MultiAgencyAudits", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AuditCases_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AuditCases_AuditId_PersonId", "AuditCases", ["AuditId", "PersonId"], unique: true);
        migrationBuilder.CreateIndex("IX_AuditCases_PersonId", "AuditCases", "PersonId");

        migrationBuilder.CreateTable(
            name: "AuditReturns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AuditId = table.Column<Guid>(nullable: false),
                CaseId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                Grade = table.Column<string>(maxLength: 100, nullable: true),
                Evidence = table.Column<string>(maxLength: 4000, nullable: true),
                SubmittedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                SubmittedBy = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditReturns", x => x.Id);
                table.ForeignKey("FK_AuditReturns_MultiAgencyAudits_AuditId", x => x.AuditId, "MultiAgencyAudits", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AuditReturns_AuditCases_CaseId", x => x.CaseId, "AuditCases", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AuditReturns_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AuditReturns_CaseId_AgencyId", "AuditReturns", ["CaseId", "AgencyId"], unique: true);
        migrationBuilder.CreateIndex("IX_AuditReturns_AgencyId_SubmittedAt", "AuditReturns", ["AgencyId", "SubmittedAt"]);
        migrationBuilder.CreateIndex("IX_AuditReturns_AuditId", "AuditReturns", "AuditId");

        migrationBuilder.CreateTable(
            name: "AuditAnswers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReturnId = table.Column<Guid>(nullable: false),
                QuestionId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditAnswers", x => x.Id);
                table.ForeignKey("FK_AuditAnswers_AuditReturns_ReturnId", x => x.ReturnId, "AuditReturns", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AuditAnswers_AuditQuestions_QuestionId", x => x.QuestionId, "AuditQuestions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AuditAnswers_ReturnId", "AuditAnswers", "ReturnId");
        migrationBuilder.CreateIndex("IX_AuditAnswers_QuestionId", "AuditAnswers", "QuestionId");

        migrationBuilder.CreateTable(
            name: "AuditFindings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AuditId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                LearningThemeId = table.Column<Guid>(nullable: false),
                RecordedOn = table.Column<DateOnly>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AuditFindings", x => x.Id);
                table.ForeignKey("FK_AuditFindings_MultiAgencyAudits_AuditId", x => x.AuditId, "MultiAgencyAudits", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AuditFindings_LearningThemes_LearningThemeId", x => x.LearningThemeId, "LearningThemes", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AuditFindings_AuditId", "AuditFindings", "AuditId");
        migrationBuilder.CreateIndex("IX_AuditFindings_LearningThemeId", "AuditFindings", "LearningThemeId");

        migrationBuilder.CreateTable(
            name: "AssuranceActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                AuditId = table.Column<Guid>(nullable: false),
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
                table.PrimaryKey("PK_AssuranceActions", x => x.Id);
                table.ForeignKey("FK_AssuranceActions_MultiAgencyAudits_AuditId", x => x.AuditId, "MultiAgencyAudits", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AssuranceActions_Agencies_OwningAgencyId", x => x.OwningAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AssuranceActions_AuditId", "AssuranceActions", "AuditId");
        migrationBuilder.CreateIndex("IX_AssuranceActions_Status_DueOn", "AssuranceActions", ["Status", "DueOn"]);
        migrationBuilder.CreateIndex("IX_AssuranceActions_OwningAgencyId", "AssuranceActions", "OwningAgencyId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("AssuranceActions");
        migrationBuilder.DropTable("AuditFindings");
        migrationBuilder.DropTable("AuditAnswers");
        migrationBuilder.DropTable("AuditReturns");
        migrationBuilder.DropTable("AuditCases");
        migrationBuilder.DropTable("AuditQuestions");
        migrationBuilder.DropTable("MultiAgencyAudits");
    }
}
