using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>The partnership's annual report: editions and their sign-offs, narratives and their versions, feedback from children and families, funding.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261207500000_AnnualReport")]
public sealed class AnnualReport : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "AnnualReportEditions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                YearStart = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                SentForReviewAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                SentForReviewBy = table.Column<string>(maxLength: 200, nullable: true),
                PublishedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                PublishedBy = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AnnualReportEditions", x => x.Id));
        migrationBuilder.CreateIndex("IX_AnnualReportEditions_YearStart", "AnnualReportEditions", "YearStart", unique: true);

        migrationBuilder.CreateTable(
            name: "AnnualReportSignOffs",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EditionId = table.Column<Guid>(nullable: false),
                Partner = table.Column<string>(maxLength: 64, nullable: false),
                Signatory = table.Column<string>(maxLength: 200, nullable: false),
                SignedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AnnualReportSignOffs", x => x.Id);
                table.ForeignKey("FK_AnnualReportSignOffs_AnnualReportEditions_EditionId", x => x.EditionId, "AnnualReportEditions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AnnualReportSignOffs_EditionId_Partner", "AnnualReportSignOffs", ["EditionId", "Partner"], unique: true);

        migrationBuilder.CreateTable(
            name: "AnnualReportNarratives",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                YearStart = table.Column<int>(nullable: false),
                SectionKey = table.Column<string>(maxLength: 100, nullable: false),
                Text = table.Column<string>(maxLength: 20000, nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_AnnualReportNarratives", x => x.Id));
        migrationBuilder.CreateIndex("IX_AnnualReportNarratives_YearStart_SectionKey", "AnnualReportNarratives", ["YearStart", "SectionKey"], unique: true);

        migrationBuilder.CreateTable(
            name: "AnnualReportNarrativeVersions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                NarrativeId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 20000, nullable: false),
                SavedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                SavedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AnnualReportNarrativeVersions", x => x.Id);
                table.ForeignKey("FK_AnnualReportNarrativeVersions_NarrativeId", x => x.NarrativeId, "AnnualReportNarratives", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AnnualReportNarrativeVersions_NarrativeId_Number", "AnnualReportNarrativeVersions", ["NarrativeId", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "PartnershipFeedback",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReceivedOn = table.Column<DateOnly>(nullable: false),
                Source = table.Column<string>(maxLength: 200, nullable: false),
                WhatWasSaid = table.Column<string>(maxLength: 4000, nullable: false),
                WhatChanged = table.Column<string>(maxLength: 4000, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_PartnershipFeedback", x => x.Id));
        migrationBuilder.CreateIndex("IX_PartnershipFeedback_ReceivedOn", "PartnershipFeedback", "ReceivedOn");

        migrationBuilder.CreateTable(
            name: "PartnershipFundingLines",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                YearStart = table.Column<int>(nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                AgencyId = table.Column<Guid>(nullable: true),
                Description = table.Column<string>(maxLength: 200, nullable: false),
                Amount = table.Column<decimal>(precision: 18, scale: 2, nullable: false),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PartnershipFundingLines", x => x.Id);
                table.ForeignKey("FK_PartnershipFundingLines_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_PartnershipFundingLines_YearStart_Kind", "PartnershipFundingLines", ["YearStart", "Kind"]);
        migrationBuilder.CreateIndex("IX_PartnershipFundingLines_AgencyId", "PartnershipFundingLines", "AgencyId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PartnershipFundingLines");
        migrationBuilder.DropTable("PartnershipFeedback");
        migrationBuilder.DropTable("AnnualReportNarrativeVersions");
        migrationBuilder.DropTable("AnnualReportNarratives");
        migrationBuilder.DropTable("AnnualReportSignOffs");
        migrationBuilder.DropTable("AnnualReportEditions");
    }
}
