using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Contextual safeguarding: places, groups, and links from people to places, other people and groups.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261203183000_ContextualSafeguarding")]
public sealed class ContextualSafeguarding : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "ContextualLocations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Type = table.Column<string>(maxLength: 64, nullable: false),
                Postcode = table.Column<string>(maxLength: 8, nullable: true),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                CreatedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ContextualLocations", x => x.Id));
        migrationBuilder.CreateIndex("IX_ContextualLocations_Name", "ContextualLocations", "Name");
        migrationBuilder.CreateIndex("IX_ContextualLocations_Postcode", "ContextualLocations", "Postcode");

        migrationBuilder.CreateTable(
            name: "ContextualGroups",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                CreatedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ContextualGroups", x => x.Id));
        migrationBuilder.CreateIndex("IX_ContextualGroups_Name", "ContextualGroups", "Name");

        migrationBuilder.CreateTable(
            name: "ContextualLinks",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                LocationId = table.Column<Guid>(nullable: true),
                RelatedPersonId = table.Column<Guid>(nullable: true),
                GroupId = table.Column<Guid>(nullable: true),
                Relationship = table.Column<string>(maxLength: 64, nullable: false),
                From = table.Column<DateOnly>(nullable: true),
                To = table.Column<DateOnly>(nullable: true),
                Source = table.Column<string>(maxLength: 200, nullable: false),
                Notes = table.Column<string>(maxLength: 4000, nullable: true),
                MissingEpisodeId = table.Column<Guid>(nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContextualLinks", x => x.Id);
                table.ForeignKey("FK_ContextualLinks_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ContextualLinks_People_RelatedPersonId", x => x.RelatedPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ContextualLinks_ContextualLocations_LocationId", x => x.LocationId, "ContextualLocations", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ContextualLinks_ContextualGroups_GroupId", x => x.GroupId, "ContextualGroups", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ContextualLinks_MissingEpisodes_MissingEpisodeId", x => x.MissingEpisodeId, "MissingEpisodes", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_ContextualLinks_PersonId", "ContextualLinks", "PersonId");
        migrationBuilder.CreateIndex("IX_ContextualLinks_RelatedPersonId", "ContextualLinks", "RelatedPersonId");
        migrationBuilder.CreateIndex("IX_ContextualLinks_LocationId", "ContextualLinks", "LocationId");
        migrationBuilder.CreateIndex("IX_ContextualLinks_GroupId", "ContextualLinks", "GroupId");
        migrationBuilder.CreateIndex("IX_ContextualLinks_MissingEpisodeId", "ContextualLinks", "MissingEpisodeId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ContextualLinks");
        migrationBuilder.DropTable("ContextualGroups");
        migrationBuilder.DropTable("ContextualLocations");
    }
}
