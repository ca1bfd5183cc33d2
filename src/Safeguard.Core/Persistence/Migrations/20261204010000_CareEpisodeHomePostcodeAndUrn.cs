using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>The SSDA903 episode's home postcode (HOME_POST) and placement URN on care episodes, so an imported return exports as it came.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261204010000_CareEpisodeHomePostcodeAndUrn")]
public sealed class CareEpisodeHomePostcodeAndUrn : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("HomePostcode", "CareEpisodes", maxLength: 8, nullable: true);
        migrationBuilder.AddColumn<string>("PlacementUrn", "CareEpisodes", maxLength: 8, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("PlacementUrn", "CareEpisodes");
        migrationBuilder.DropColumn("HomePostcode", "CareEpisodes");
    }
}
