using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Census files uploaded by the performance team to be checked (the files themselves are kept on disk).</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261123120000_CinUploads")]
public sealed class CinUploads : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "CinUploads",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                UploadedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                UploadedBy = table.Column<string>(maxLength: 256, nullable: false),
                UploadedById = table.Column<Guid>(nullable: true),
                ExpiresAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Outcome = table.Column<string>(maxLength: 32, nullable: false),
                Problem = table.Column<string>(maxLength: 2000, nullable: true),
                Collection = table.Column<string>(maxLength: 7, nullable: true),
                Children = table.Column<long>(nullable: false),
                Errors = table.Column<long>(nullable: false),
                Queries = table.Column<long>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CinUploads", x => x.Id));

        migrationBuilder.CreateIndex("IX_CinUploads_ExpiresAt", "CinUploads", "ExpiresAt");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("CinUploads");
}
