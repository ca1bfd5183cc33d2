using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Marks the missing episodes taken from an SSDA903 return's Missing table (no report behind them): docs/adr/0085.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261208500000_MissingEpisodeFromReturn")]
public sealed class MissingEpisodeFromReturn : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>("FromReturn", "MissingEpisodes", nullable: false, defaultValue: false);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn("FromReturn", "MissingEpisodes");
    }
}
