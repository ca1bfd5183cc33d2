using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// A partner agency's requests for information read in index order: the open ones, newest first, from (agency,
/// answered, requested), and the answered ones, newest first, from (agency, requested). The single-column agency
/// index they replace sorted every request the agency ever had on each view of its page.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261203170100_AgencyRequestIndexes")]
public sealed class AgencyRequestIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ContactInformationRequests_AgencyId", "ContactInformationRequests");
        migrationBuilder.CreateIndex("IX_ContactInformationRequests_AgencyId_RespondedAt_RequestedAt", "ContactInformationRequests", ["AgencyId", "RespondedAt", "RequestedAt"]);
        migrationBuilder.CreateIndex("IX_ContactInformationRequests_AgencyId_RequestedAt", "ContactInformationRequests", ["AgencyId", "RequestedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_ContactInformationRequests_AgencyId_RespondedAt_RequestedAt", "ContactInformationRequests");
        migrationBuilder.DropIndex("IX_ContactInformationRequests_AgencyId_RequestedAt", "ContactInformationRequests");
        migrationBuilder.CreateIndex("IX_ContactInformationRequests_AgencyId", "ContactInformationRequests", "AgencyId");
    }
}
