using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>The annual report as published: its DOCX and PDF, rendered at publication and kept byte for byte.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261208100000_AnnualReportPublishedFiles")]
public sealed class AnnualReportPublishedFiles : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "AnnualReportPublishedFiles",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EditionId = table.Column<Guid>(nullable: false),
                Format = table.Column<string>(maxLength: 64, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                PublishedAt = table.Column<DateTimeOffset>(type: migrationBuilder.InstantType(), nullable: false),
                PublishedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AnnualReportPublishedFiles", x => x.Id);
                table.ForeignKey("FK_AnnualReportPublishedFiles_AnnualReportEditions_EditionId", x => x.EditionId, "AnnualReportEditions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_AnnualReportPublishedFiles_EditionId_Format", "AnnualReportPublishedFiles", ["EditionId", "Format"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("AnnualReportPublishedFiles");
}
