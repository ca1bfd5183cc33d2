using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// A team's and a worker's open allocations found from the index alone: the single-column indexes on the
/// allocations' team and worker become (team, end) and (worker, end), so "open allocations to this team" (end
/// null) reads the team's current cases, not every allocation it has had (ADR 0024). The new indexes still lead
/// with the foreign key, so they serve it as the old ones did.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261203120000_OpenAllocationIndexes")]
public sealed class OpenAllocationIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_CaseAllocations_TeamId", "CaseAllocations");
        migrationBuilder.DropIndex("IX_CaseAllocations_WorkerId", "CaseAllocations");
        migrationBuilder.CreateIndex("IX_CaseAllocations_TeamId_To", "CaseAllocations", ["TeamId", "To"]);
        migrationBuilder.CreateIndex("IX_CaseAllocations_WorkerId_To", "CaseAllocations", ["WorkerId", "To"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_CaseAllocations_TeamId_To", "CaseAllocations");
        migrationBuilder.DropIndex("IX_CaseAllocations_WorkerId_To", "CaseAllocations");
        migrationBuilder.CreateIndex("IX_CaseAllocations_TeamId", "CaseAllocations", "TeamId");
        migrationBuilder.CreateIndex("IX_CaseAllocations_WorkerId", "CaseAllocations", "WorkerId");
    }
}
