using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// What the SSDA903 return's social worker episodes need (docs/adr/0087): the staff member's Social Work England
/// registration number (SW_ID, unique) and, on a casework allocation that gives the case to a new worker, the reason
/// for the new social worker (SW_REASON).
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261209000000_SocialWorkerEpisodes")]
public sealed class SocialWorkerEpisodeFields : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("SocialWorkEnglandNumber", "AspNetUsers", maxLength: 10, nullable: true);
        migrationBuilder.CreateIndex("IX_AspNetUsers_SocialWorkEnglandNumber", "AspNetUsers", "SocialWorkEnglandNumber", unique: true);
        migrationBuilder.AddColumn<string>("SocialWorkerReason", "CaseAllocations", maxLength: 6, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("SocialWorkerReason", "CaseAllocations");
        migrationBuilder.DropIndex("IX_AspNetUsers_SocialWorkEnglandNumber", "AspNetUsers");
        migrationBuilder.DropColumn("SocialWorkEnglandNumber", "AspNetUsers");
    }
}
