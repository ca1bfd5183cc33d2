using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>The person index: children and adults, their names, addresses and relationships, merges, duplicate checks and restricted access.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261122190000_PersonIndex")]
public sealed class PersonIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "People",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                DateOfBirth = table.Column<DateOnly>(nullable: true),
                ExpectedDateOfBirth = table.Column<DateOnly>(nullable: true),
                Sex = table.Column<string>(maxLength: 1, nullable: false),
                Ethnicity = table.Column<string>(maxLength: 4, nullable: true),
                Disabilities = table.Column<string>(maxLength: 100, nullable: true),
                Upn = table.Column<string>(maxLength: 13, nullable: true),
                NhsNumber = table.Column<string>(maxLength: 10, nullable: true),
                CouncilChildId = table.Column<string>(maxLength: 10, nullable: true),
                DisplayName = table.Column<string>(maxLength: 201, nullable: false),
                IsRestricted = table.Column<bool>(nullable: false),
                MergedIntoId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_People", x => x.Id);
                table.ForeignKey("FK_People_People_MergedIntoId", x => x.MergedIntoId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PersonNames",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                GivenNames = table.Column<string>(maxLength: 100, nullable: false),
                FamilyName = table.Column<string>(maxLength: 100, nullable: false),
                SearchKey = table.Column<string>(maxLength: 202, nullable: false),
                FamilySoundex = table.Column<string>(maxLength: 4, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonNames", x => x.Id);
                table.ForeignKey("FK_PersonNames_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PersonAddresses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                Line1 = table.Column<string>(maxLength: 200, nullable: false),
                Line2 = table.Column<string>(maxLength: 200, nullable: true),
                Town = table.Column<string>(maxLength: 100, nullable: true),
                Postcode = table.Column<string>(maxLength: 8, nullable: false),
                From = table.Column<DateOnly>(nullable: false),
                To = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonAddresses", x => x.Id);
                table.ForeignKey("FK_PersonAddresses_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PersonAccess",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonAccess", x => x.Id);
                table.ForeignKey("FK_PersonAccess_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_PersonAccess_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PersonRelationships",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                RelatedPersonId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                HasParentalResponsibility = table.Column<bool>(nullable: false),
                From = table.Column<DateOnly>(nullable: true),
                To = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonRelationships", x => x.Id);
                table.ForeignKey("FK_PersonRelationships_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_PersonRelationships_People_RelatedPersonId", x => x.RelatedPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "NotDuplicateConfirmations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: false),
                OtherPersonId = table.Column<Guid>(nullable: false),
                ConfirmedByUserId = table.Column<Guid>(nullable: true),
                ConfirmedByName = table.Column<string>(maxLength: 200, nullable: false),
                ConfirmedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_NotDuplicateConfirmations", x => x.Id);
                table.ForeignKey("FK_NotDuplicateConfirmations_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_NotDuplicateConfirmations_People_OtherPersonId", x => x.OtherPersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PersonMerges",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SurvivorId = table.Column<Guid>(nullable: false),
                MergedId = table.Column<Guid>(nullable: false),
                MovedLinks = table.Column<string>(maxLength: 4000, nullable: false),
                MergedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                MergedByName = table.Column<string>(maxLength: 200, nullable: false),
                UnmergedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                UnmergedByName = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PersonMerges", x => x.Id);
                table.ForeignKey("FK_PersonMerges_People_SurvivorId", x => x.SurvivorId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_PersonMerges_People_MergedId", x => x.MergedId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_People_Upn", "People", "Upn");
        migrationBuilder.CreateIndex("IX_People_NhsNumber", "People", "NhsNumber");
        migrationBuilder.CreateIndex("IX_People_CouncilChildId", "People", "CouncilChildId", unique: true);
        migrationBuilder.CreateIndex("IX_People_DateOfBirth", "People", "DateOfBirth");
        migrationBuilder.CreateIndex("IX_People_ExpectedDateOfBirth", "People", "ExpectedDateOfBirth");
        migrationBuilder.CreateIndex("IX_People_MergedIntoId", "People", "MergedIntoId");
        migrationBuilder.CreateIndex("IX_People_DisplayName", "People", "DisplayName");
        migrationBuilder.CreateIndex("IX_PersonNames_PersonId", "PersonNames", "PersonId");
        migrationBuilder.CreateIndex("IX_PersonNames_FamilySoundex", "PersonNames", "FamilySoundex");
        migrationBuilder.CreateIndex("IX_PersonAddresses_PersonId", "PersonAddresses", "PersonId");
        migrationBuilder.CreateIndex("IX_PersonAddresses_Postcode", "PersonAddresses", "Postcode");
        migrationBuilder.CreateIndex("IX_PersonAccess_PersonId_UserId", "PersonAccess", ["PersonId", "UserId"], unique: true);
        migrationBuilder.CreateIndex("IX_PersonAccess_UserId", "PersonAccess", "UserId");
        migrationBuilder.CreateIndex("IX_PersonRelationships_PersonId", "PersonRelationships", "PersonId");
        migrationBuilder.CreateIndex("IX_PersonRelationships_RelatedPersonId", "PersonRelationships", "RelatedPersonId");
        migrationBuilder.CreateIndex("IX_NotDuplicateConfirmations_PersonId", "NotDuplicateConfirmations", "PersonId");
        migrationBuilder.CreateIndex("IX_NotDuplicateConfirmations_OtherPersonId", "NotDuplicateConfirmations", "OtherPersonId");
        migrationBuilder.CreateIndex("IX_PersonMerges_SurvivorId", "PersonMerges", "SurvivorId");
        migrationBuilder.CreateIndex("IX_PersonMerges_MergedId", "PersonMerges", "MergedId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("PersonMerges");
        migrationBuilder.DropTable("NotDuplicateConfirmations");
        migrationBuilder.DropTable("PersonRelationships");
        migrationBuilder.DropTable("PersonAccess");
        migrationBuilder.DropTable("PersonAddresses");
        migrationBuilder.DropTable("PersonNames");
        migrationBuilder.DropTable("People");
    }
}
