using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguard.Persistence.Configurations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// A partial index of the restricted records (a handful among tens of thousands): a list that leaves out the records
/// its reader may not see reads them from it instead of testing every person (docs/adr/0092).
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261209300000_RestrictedPeopleIndex")]
public sealed class RestrictedPeopleIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateIndex("IX_People_IsRestricted", "People", "IsRestricted", filter: PersonConfiguration.RestrictedFilter);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_People_IsRestricted", "People");
    }
}
