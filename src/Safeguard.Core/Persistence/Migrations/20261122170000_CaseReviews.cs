using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>
/// Case reviews: serious incident notifications, rapid reviews with their requests, attendees and
/// signatures, practice reviews, findings, recommendations and actions, learning themes (with the starting
/// controlled list) and the documents held with a case.
/// </summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261122170000_CaseReviews")]
public sealed class CaseReviews : Migration
{
    /// <summary>The learning themes the controlled list starts with; the business unit adds, renames and retires them.</summary>
    internal static readonly (Guid Id, string Name)[] StartingThemes =
    [
        (new Guid("0193a1c0-0000-7000-8000-000000000001"), "Information sharing"),
        (new Guid("0193a1c0-0000-7000-8000-000000000002"), "Neglect"),
        (new Guid("0193a1c0-0000-7000-8000-000000000003"), "Think family"),
        (new Guid("0193a1c0-0000-7000-8000-000000000004"), "Transitions to adulthood"),
        (new Guid("0193a1c0-0000-7000-8000-000000000005"), "Domestic abuse"),
        (new Guid("0193a1c0-0000-7000-8000-000000000006"), "Voice of the child"),
        (new Guid("0193a1c0-0000-7000-8000-000000000007"), "Professional curiosity"),
        (new Guid("0193a1c0-0000-7000-8000-000000000008"), "Parental mental health"),
        (new Guid("0193a1c0-0000-7000-8000-000000000009"), "Safe sleeping"),
        (new Guid("0193a1c0-0000-7000-8000-00000000000a"), "Exploitation"),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();

        migrationBuilder.CreateTable(
            name: "LearningThemes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                IsActive = table.Column<bool>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_LearningThemes", x => x.Id));

        migrationBuilder.CreateTable(
            name: "SeriousIncidentNotifications",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Reference = table.Column<string>(maxLength: 8, nullable: false),
                AwareOn = table.Column<DateOnly>(nullable: false),
                ChildName = table.Column<string>(maxLength: 200, nullable: false),
                ChildPersonId = table.Column<Guid>(nullable: true),
                Summary = table.Column<string>(maxLength: 4000, nullable: false),
                AbuseOrNeglectKnownOrSuspected = table.Column<bool>(nullable: false),
                Harm = table.Column<string>(maxLength: 64, nullable: false),
                ChildWasLookedAfter = table.Column<bool>(nullable: false),
                DecidedNotifiable = table.Column<bool>(nullable: true),
                DecisionAgreedBy = table.Column<string>(maxLength: 500, nullable: true),
                DecidedOn = table.Column<DateOnly>(nullable: true),
                PanelNotifiedOn = table.Column<DateOnly>(nullable: true),
                ResubmissionOfId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SeriousIncidentNotifications", x => x.Id);
                table.ForeignKey("FK_SeriousIncidentNotifications_SeriousIncidentNotifications_R~", x => x.ResubmissionOfId, "SeriousIncidentNotifications", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "CaseReviewDocuments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                NotificationId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 255, nullable: false),
                ContentType = table.Column<string>(maxLength: 128, nullable: false),
                SizeBytes = table.Column<long>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
                Description = table.Column<string>(maxLength: 500, nullable: false),
                UploadedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                UploadedBy = table.Column<string>(maxLength: 256, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_CaseReviewDocuments", x => x.Id);
                table.ForeignKey("FK_CaseReviewDocuments_SeriousIncidentNotifications_Notificati~", x => x.NotificationId, "SeriousIncidentNotifications", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "RapidReviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                NotificationId = table.Column<Guid>(nullable: false),
                NotifiedOn = table.Column<DateOnly>(nullable: false),
                MeetingOn = table.Column<DateOnly>(nullable: true),
                Discussion = table.Column<string>(maxLength: 8000, nullable: true),
                ImmediateSafetyActions = table.Column<string>(maxLength: 8000, nullable: true),
                Recommendation = table.Column<string>(maxLength: 64, nullable: true),
                RecommendationRationale = table.Column<string>(maxLength: 8000, nullable: true),
                RecommendedOn = table.Column<DateOnly>(nullable: true),
                SentToPanelOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RapidReviews", x => x.Id);
                table.ForeignKey("FK_RapidReviews_SeriousIncidentNotifications_NotificationId", x => x.NotificationId, "SeriousIncidentNotifications", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "PracticeReviews",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                NotificationId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                Reviewer = table.Column<string>(maxLength: 200, nullable: false),
                TermsOfReference = table.Column<string>(maxLength: 8000, nullable: false),
                StartedOn = table.Column<DateOnly>(nullable: false),
                PractitionerInvolvement = table.Column<string>(maxLength: 4000, nullable: true),
                FamilyInvolvement = table.Column<string>(maxLength: 4000, nullable: true),
                DraftReportOn = table.Column<DateOnly>(nullable: true),
                FinalReportOn = table.Column<DateOnly>(nullable: true),
                Publish = table.Column<bool>(nullable: true),
                PublicationReasons = table.Column<string>(maxLength: 4000, nullable: true),
                PublishedOn = table.Column<DateOnly>(nullable: true),
                SentToPanelOn = table.Column<DateOnly>(nullable: true),
                SentToSecretaryOfStateOn = table.Column<DateOnly>(nullable: true),
                SentToOfstedOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_PracticeReviews", x => x.Id);
                table.ForeignKey("FK_PracticeReviews_SeriousIncidentNotifications_NotificationId", x => x.NotificationId, "SeriousIncidentNotifications", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Findings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                NotificationId = table.Column<Guid>(nullable: false),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                LearningThemeId = table.Column<Guid>(nullable: false),
                RecordedOn = table.Column<DateOnly>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Findings", x => x.Id);
                table.ForeignKey("FK_Findings_LearningThemes_LearningThemeId", x => x.LearningThemeId, "LearningThemes", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Findings_SeriousIncidentNotifications_NotificationId", x => x.NotificationId, "SeriousIncidentNotifications", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "Recommendations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                NotificationId = table.Column<Guid>(nullable: false),
                FindingId = table.Column<Guid>(nullable: true),
                Text = table.Column<string>(maxLength: 4000, nullable: false),
                RecordedOn = table.Column<DateOnly>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Recommendations", x => x.Id);
                table.ForeignKey("FK_Recommendations_Findings_FindingId", x => x.FindingId, "Findings", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_Recommendations_SeriousIncidentNotifications_NotificationId", x => x.NotificationId, "SeriousIncidentNotifications", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ReviewActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RecommendationId = table.Column<Guid>(nullable: false),
                Description = table.Column<string>(maxLength: 4000, nullable: false),
                OwningAgencyId = table.Column<Guid>(nullable: false),
                Owner = table.Column<string>(maxLength: 200, nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                Evidence = table.Column<string>(maxLength: 4000, nullable: true),
                CompletedOn = table.Column<DateOnly>(nullable: true),
                DeclinedReason = table.Column<string>(maxLength: 4000, nullable: true),
                DeclinedOn = table.Column<DateOnly>(nullable: true),
                SignedOffOn = table.Column<DateOnly>(nullable: true),
                SignedOffBy = table.Column<string>(maxLength: 256, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ReviewActions", x => x.Id);
                table.ForeignKey("FK_ReviewActions_Agencies_OwningAgencyId", x => x.OwningAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_ReviewActions_Recommendations_RecommendationId", x => x.RecommendationId, "Recommendations", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "InformationRequests",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RapidReviewId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                RequestedOn = table.Column<DateOnly>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                ReceivedOn = table.Column<DateOnly>(nullable: true),
                ResponseText = table.Column<string>(maxLength: 8000, nullable: true),
                DocumentId = table.Column<Guid>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_InformationRequests", x => x.Id);
                table.ForeignKey("FK_InformationRequests_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_InformationRequests_CaseReviewDocuments_DocumentId", x => x.DocumentId, "CaseReviewDocuments", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_InformationRequests_RapidReviews_RapidReviewId", x => x.RapidReviewId, "RapidReviews", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "RapidReviewAttendees",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RapidReviewId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RapidReviewAttendees", x => x.Id);
                table.ForeignKey("FK_RapidReviewAttendees_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_RapidReviewAttendees_RapidReviews_RapidReviewId", x => x.RapidReviewId, "RapidReviews", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "RapidReviewSignatures",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RapidReviewId = table.Column<Guid>(nullable: false),
                Partner = table.Column<string>(maxLength: 64, nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                SignedByName = table.Column<string>(maxLength: 256, nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                SignedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                SignedOn = table.Column<DateOnly>(nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_RapidReviewSignatures", x => x.Id);
                table.ForeignKey("FK_RapidReviewSignatures_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_RapidReviewSignatures_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_RapidReviewSignatures_RapidReviews_RapidReviewId", x => x.RapidReviewId, "RapidReviews", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex("IX_LearningThemes_Name", "LearningThemes", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_SeriousIncidentNotifications_Reference", "SeriousIncidentNotifications", "Reference", unique: true);
        migrationBuilder.CreateIndex("IX_SeriousIncidentNotifications_ResubmissionOfId", "SeriousIncidentNotifications", "ResubmissionOfId");
        migrationBuilder.CreateIndex("IX_CaseReviewDocuments_NotificationId", "CaseReviewDocuments", "NotificationId");
        migrationBuilder.CreateIndex("IX_RapidReviews_NotificationId", "RapidReviews", "NotificationId", unique: true);
        migrationBuilder.CreateIndex("IX_PracticeReviews_NotificationId", "PracticeReviews", "NotificationId");
        migrationBuilder.CreateIndex("IX_Findings_LearningThemeId", "Findings", "LearningThemeId");
        migrationBuilder.CreateIndex("IX_Findings_NotificationId", "Findings", "NotificationId");
        migrationBuilder.CreateIndex("IX_Recommendations_FindingId", "Recommendations", "FindingId");
        migrationBuilder.CreateIndex("IX_Recommendations_NotificationId", "Recommendations", "NotificationId");
        migrationBuilder.CreateIndex("IX_ReviewActions_OwningAgencyId", "ReviewActions", "OwningAgencyId");
        migrationBuilder.CreateIndex("IX_ReviewActions_RecommendationId", "ReviewActions", "RecommendationId");
        migrationBuilder.CreateIndex("IX_InformationRequests_AgencyId", "InformationRequests", "AgencyId");
        migrationBuilder.CreateIndex("IX_InformationRequests_DocumentId", "InformationRequests", "DocumentId");
        migrationBuilder.CreateIndex("IX_InformationRequests_RapidReviewId_AgencyId", "InformationRequests", ["RapidReviewId", "AgencyId"], unique: true);
        migrationBuilder.CreateIndex("IX_RapidReviewAttendees_AgencyId", "RapidReviewAttendees", "AgencyId");
        migrationBuilder.CreateIndex("IX_RapidReviewAttendees_RapidReviewId", "RapidReviewAttendees", "RapidReviewId");
        migrationBuilder.CreateIndex("IX_RapidReviewSignatures_AgencyId", "RapidReviewSignatures", "AgencyId");
        migrationBuilder.CreateIndex("IX_RapidReviewSignatures_RapidReviewId_Partner", "RapidReviewSignatures", ["RapidReviewId", "Partner"], unique: true);
        migrationBuilder.CreateIndex("IX_RapidReviewSignatures_UserId", "RapidReviewSignatures", "UserId");

        // The migrations carry no model snapshot, so the rows are written in each provider's own SQL
        // (EF Core stores a Guid on SQLite as upper-case text).
        var sqlite = migrationBuilder.IsSqlite();
        foreach (var (id, name) in StartingThemes)
        {
            var key = sqlite ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'::uuid";
            migrationBuilder.Sql($"""INSERT INTO "LearningThemes" ("Id", "Name", "IsActive", "Version") VALUES ({key}, '{name}', {(sqlite ? "1" : "TRUE")}, 0);""");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("RapidReviewSignatures");
        migrationBuilder.DropTable("RapidReviewAttendees");
        migrationBuilder.DropTable("InformationRequests");
        migrationBuilder.DropTable("ReviewActions");
        migrationBuilder.DropTable("Recommendations");
        migrationBuilder.DropTable("Findings");
        migrationBuilder.DropTable("PracticeReviews");
        migrationBuilder.DropTable("RapidReviews");
        migrationBuilder.DropTable("CaseReviewDocuments");
        migrationBuilder.DropTable("SeriousIncidentNotifications");
        migrationBuilder.DropTable("LearningThemes");
    }
}
