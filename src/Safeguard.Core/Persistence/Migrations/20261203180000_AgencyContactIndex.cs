using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// A partner agency's own contacts read one page at a time in index order from (agency, received). The single-column
/// agency index it replaces made each view of <c>/my-agency</c> sort every contact the agency ever made.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261203180000_AgencyContactIndex")]
public sealed class AgencyContactIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Contacts_FromAgencyId", "Contacts");
        migrationBuilder.CreateIndex("IX_Contacts_FromAgencyId_ReceivedAt", "Contacts", ["FromAgencyId", "ReceivedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_Contacts_FromAgencyId_ReceivedAt", "Contacts");
        migrationBuilder.CreateIndex("IX_Contacts_FromAgencyId", "Contacts", "FromAgencyId");
    }
}
