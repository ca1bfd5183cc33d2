using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// The audit trail's (kind, sequence) index: the last change event, which is the records' data version
/// (<see cref="DataVersion"/>), is read in one step however many access events follow it (ADR 0032).
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261203170000_AuditChangeIndex")]
public sealed class AuditChangeIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("IX_AuditEvents_Kind_Sequence", "AuditEvents", ["Kind", "Sequence"]);

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_AuditEvents_Kind_Sequence", "AuditEvents");
}
