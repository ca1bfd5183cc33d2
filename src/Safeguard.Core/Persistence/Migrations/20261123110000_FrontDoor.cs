using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// The front door: contacts and the children they are about, threshold levels (the five default levels are
/// inserted), requests for information to agencies, the information-sharing log, and API clients.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261123110000_FrontDoor")]
public sealed class FrontDoor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "ThresholdLevels",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Level = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 100, nullable: false),
                Description = table.Column<string>(maxLength: 1000, nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ThresholdLevels", x => x.Id));

        migrationBuilder.CreateTable(
            name: "Contacts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ReceivedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                FromAgencyId = table.Column<Guid>(nullable: false),
                ReferrerName = table.Column<string>(maxLength: 200, nullable: false),
                ReferrerRole = table.Column<string>(maxLength: 200, nullable: true),
                ReferralSource = table.Column<string>(maxLength: 3, nullable: false),
                Concerns = table.Column<string>(maxLength: 8000, nullable: false),
                Consent = table.Column<string>(maxLength: 64, nullable: false),
                ConsentReason = table.Column<string>(maxLength: 4000, nullable: true),
                Priority = table.Column<string>(maxLength: 64, nullable: true),
                ThresholdLevelId = table.Column<Guid>(nullable: true),
                TriageNotes = table.Column<string>(maxLength: 4000, nullable: true),
                Decision = table.Column<string>(maxLength: 64, nullable: true),
                DecisionRationale = table.Column<string>(maxLength: 4000, nullable: true),
                DecidedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                DecidedByUserId = table.Column<Guid>(nullable: true),
                DecidedByName = table.Column<string>(maxLength: 200, nullable: true),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RecordedByUserId = table.Column<Guid>(nullable: true),
                RecordedByName = table.Column<string>(maxLength: 200, nullable: false),
                SubmittedByPartner = table.Column<bool>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Contacts", x => x.Id);
                table.ForeignKey("FK_Contacts_Agencies_FromAgencyId", x => x.FromAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Contacts_ThresholdLevels_ThresholdLevelId", x => x.ThresholdLevelId, "ThresholdLevels", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ContactChildren",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContactId = table.Column<Guid>(nullable: false),
                PersonId = table.Column<Guid>(nullable: true),
                DescribedName = table.Column<string>(maxLength: 201, nullable: false),
                DescribedDateOfBirth = table.Column<DateOnly>(nullable: true),
                DescribedNhsNumber = table.Column<string>(maxLength: 10, nullable: true),
                DescribedUpn = table.Column<string>(maxLength: 13, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContactChildren", x => x.Id);
                table.ForeignKey("FK_ContactChildren_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ContactChildren_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ContactInformationRequests",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContactId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                Question = table.Column<string>(maxLength: 8000, nullable: false),
                RequestedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RequestedByName = table.Column<string>(maxLength: 200, nullable: false),
                Response = table.Column<string>(maxLength: 8000, nullable: true),
                RespondedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                RespondedByName = table.Column<string>(maxLength: 200, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ContactInformationRequests", x => x.Id);
                table.ForeignKey("FK_ContactInformationRequests_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ContactInformationRequests_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "InformationShares",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ContactId = table.Column<Guid>(nullable: true),
                PersonId = table.Column<Guid>(nullable: true),
                Shared = table.Column<bool>(nullable: false),
                What = table.Column<string>(maxLength: 4000, nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                Purpose = table.Column<string>(maxLength: 4000, nullable: false),
                LawfulBasis = table.Column<string>(maxLength: 64, nullable: true),
                Consent = table.Column<string>(maxLength: 64, nullable: false),
                Reason = table.Column<string>(maxLength: 4000, nullable: false),
                DecidedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                DecidedByUserId = table.Column<Guid>(nullable: true),
                DecidedByName = table.Column<string>(maxLength: 200, nullable: false),
                DecidedByAgencyId = table.Column<Guid>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InformationShares", x => x.Id);
                table.ForeignKey("FK_InformationShares_Contacts_ContactId", x => x.ContactId, "Contacts", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_InformationShares_People_PersonId", x => x.PersonId, "People", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_InformationShares_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ApiClients",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                KeyPrefix = table.Column<string>(maxLength: 12, nullable: false),
                KeyHash = table.Column<string>(maxLength: 64, nullable: false),
                Permissions = table.Column<string>(maxLength: 1000, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                CreatedByName = table.Column<string>(maxLength: 200, nullable: false),
                RevokedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                RevokedByName = table.Column<string>(maxLength: 200, nullable: true),
                RevokedReason = table.Column<string>(maxLength: 1000, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiClients", x => x.Id);
                table.ForeignKey("FK_ApiClients_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_ThresholdLevels_Level", "ThresholdLevels", "Level");
        migrationBuilder.CreateIndex("IX_Contacts_FromAgencyId", "Contacts", "FromAgencyId");
        migrationBuilder.CreateIndex("IX_Contacts_ThresholdLevelId", "Contacts", "ThresholdLevelId");
        migrationBuilder.CreateIndex("IX_Contacts_ReceivedAt", "Contacts", "ReceivedAt");
        migrationBuilder.CreateIndex("IX_Contacts_Decision", "Contacts", "Decision");
        migrationBuilder.CreateIndex("IX_ContactChildren_ContactId", "ContactChildren", "ContactId");
        migrationBuilder.CreateIndex("IX_ContactChildren_PersonId", "ContactChildren", "PersonId");
        migrationBuilder.CreateIndex("IX_ContactInformationRequests_ContactId", "ContactInformationRequests", "ContactId");
        migrationBuilder.CreateIndex("IX_ContactInformationRequests_AgencyId", "ContactInformationRequests", "AgencyId");
        migrationBuilder.CreateIndex("IX_InformationShares_ContactId", "InformationShares", "ContactId");
        migrationBuilder.CreateIndex("IX_InformationShares_PersonId", "InformationShares", "PersonId");
        migrationBuilder.CreateIndex("IX_InformationShares_AgencyId", "InformationShares", "AgencyId");
        migrationBuilder.CreateIndex("IX_InformationShares_DecidedAt", "InformationShares", "DecidedAt");
        migrationBuilder.CreateIndex("IX_ApiClients_AgencyId", "ApiClients", "AgencyId");
        migrationBuilder.CreateIndex("IX_ApiClients_KeyHash", "ApiClients", "KeyHash", unique: true);

        // Hand-written migrations have no model snapshot, so the inserted columns' types are given.
        string[] types = migrationBuilder.IsSqlite()
            ? ["TEXT", "INTEGER", "TEXT", "TEXT", "INTEGER", "INTEGER"]
            : ["uuid", "integer", "character varying(100)", "character varying(1000)", "boolean", "integer"];
        foreach (var (id, level, name, description) in Safeguard.FrontDoor.ThresholdLevel.Defaults)
        {
            migrationBuilder.InsertData(
                table: "ThresholdLevels",
                columns: ["Id", "Level", "Name", "Description", "IsActive", "Version"],
                columnTypes: types,
                values: new object[] { id, level, name, description, true, 0 });
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ApiClients");
        migrationBuilder.DropTable("InformationShares");
        migrationBuilder.DropTable("ContactInformationRequests");
        migrationBuilder.DropTable("ContactChildren");
        migrationBuilder.DropTable("Contacts");
        migrationBuilder.DropTable("ThresholdLevels");
    }
}
