using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>Meetings and governance: boards and subgroups with their terms of reference, members, meetings, attendance, decisions, the action log and the business plan.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261207300000_Governance")]
public sealed class Governance : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "Boards",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Kind = table.Column<string>(maxLength: 64, nullable: false),
                ParentBoardId = table.Column<Guid>(nullable: true),
                TermsOfReference = table.Column<string>(maxLength: 8000, nullable: true),
                TermsReviewDueOn = table.Column<DateOnly>(nullable: true),
                Quorum = table.Column<int>(nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Boards", x => x.Id);
                table.ForeignKey("FK_Boards_Boards_ParentBoardId", x => x.ParentBoardId, "Boards", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_Boards_Name", "Boards", "Name", unique: true);
        migrationBuilder.CreateIndex("IX_Boards_ParentBoardId", "Boards", "ParentBoardId");

        migrationBuilder.CreateTable(
            name: "BoardMembers",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                UserId = table.Column<Guid>(nullable: true),
                Role = table.Column<string>(maxLength: 100, nullable: false),
                DeputyName = table.Column<string>(maxLength: 200, nullable: true),
                StartOn = table.Column<DateOnly>(nullable: false),
                EndOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BoardMembers", x => x.Id);
                table.ForeignKey("FK_BoardMembers_Boards_BoardId", x => x.BoardId, "Boards", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_BoardMembers_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_BoardMembers_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_BoardMembers_BoardId", "BoardMembers", "BoardId");
        migrationBuilder.CreateIndex("IX_BoardMembers_AgencyId", "BoardMembers", "AgencyId");
        migrationBuilder.CreateIndex("IX_BoardMembers_UserId", "BoardMembers", "UserId");

        migrationBuilder.CreateTable(
            name: "BoardMeetings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                Agenda = table.Column<string>(maxLength: 8000, nullable: true),
                Minutes = table.Column<string>(maxLength: 32000, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BoardMeetings", x => x.Id);
                table.ForeignKey("FK_BoardMeetings_Boards_BoardId", x => x.BoardId, "Boards", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_BoardMeetings_BoardId_HeldOn", "BoardMeetings", ["BoardId", "HeldOn"]);
        migrationBuilder.CreateIndex("IX_BoardMeetings_HeldOn", "BoardMeetings", "HeldOn");

        migrationBuilder.CreateTable(
            name: "MeetingAttendances",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                MemberId = table.Column<Guid>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                DeputyName = table.Column<string>(maxLength: 200, nullable: true),
                RecordedBy = table.Column<string>(maxLength: 200, nullable: false),
                RecordedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingAttendances", x => x.Id);
                table.ForeignKey("FK_MeetingAttendances_BoardMeetings_MeetingId", x => x.MeetingId, "BoardMeetings", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_MeetingAttendances_BoardMembers_MemberId", x => x.MemberId, "BoardMembers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_MeetingAttendances_MeetingId_MemberId", "MeetingAttendances", ["MeetingId", "MemberId"], unique: true);
        migrationBuilder.CreateIndex("IX_MeetingAttendances_MemberId", "MeetingAttendances", "MemberId");

        migrationBuilder.CreateTable(
            name: "MeetingDecisions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Text = table.Column<string>(maxLength: 8000, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MeetingDecisions", x => x.Id);
                table.ForeignKey("FK_MeetingDecisions_BoardMeetings_MeetingId", x => x.MeetingId, "BoardMeetings", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_MeetingDecisions_MeetingId_Number", "MeetingDecisions", ["MeetingId", "Number"], unique: true);

        migrationBuilder.CreateTable(
            name: "GovernanceActions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                BoardId = table.Column<Guid>(nullable: false),
                MeetingId = table.Column<Guid>(nullable: false),
                Description = table.Column<string>(maxLength: 8000, nullable: false),
                OwningAgencyId = table.Column<Guid>(nullable: false),
                Owner = table.Column<string>(maxLength: 200, nullable: false),
                OwnerUserId = table.Column<Guid>(nullable: true),
                DueOn = table.Column<DateOnly>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                CompletedOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GovernanceActions", x => x.Id);
                table.ForeignKey("FK_GovernanceActions_Boards_BoardId", x => x.BoardId, "Boards", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GovernanceActions_BoardMeetings_MeetingId", x => x.MeetingId, "BoardMeetings", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GovernanceActions_Agencies_OwningAgencyId", x => x.OwningAgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_GovernanceActions_AspNetUsers_OwnerUserId", x => x.OwnerUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_GovernanceActions_BoardId", "GovernanceActions", "BoardId");
        migrationBuilder.CreateIndex("IX_GovernanceActions_MeetingId", "GovernanceActions", "MeetingId");
        migrationBuilder.CreateIndex("IX_GovernanceActions_OwningAgencyId", "GovernanceActions", "OwningAgencyId");
        migrationBuilder.CreateIndex("IX_GovernanceActions_OwnerUserId_Status", "GovernanceActions", ["OwnerUserId", "Status"]);
        migrationBuilder.CreateIndex("IX_GovernanceActions_Status_DueOn", "GovernanceActions", ["Status", "DueOn"]);

        migrationBuilder.CreateTable(
            name: "GovernanceActionUpdates",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ActionId = table.Column<Guid>(nullable: false),
                At = table.Column<DateTimeOffset>(type: instant, nullable: false),
                By = table.Column<string>(maxLength: 200, nullable: false),
                Text = table.Column<string>(maxLength: 8000, nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_GovernanceActionUpdates", x => x.Id);
                table.ForeignKey("FK_GovernanceActionUpdates_GovernanceActions_ActionId", x => x.ActionId, "GovernanceActions", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_GovernanceActionUpdates_ActionId", "GovernanceActionUpdates", "ActionId");

        migrationBuilder.CreateTable(
            name: "BusinessPriorities",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                YearStart = table.Column<int>(nullable: false),
                Number = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Description = table.Column<string>(maxLength: 8000, nullable: false),
                OwnerBoardId = table.Column<Guid>(nullable: true),
                ImprovementPlanLink = table.Column<string>(maxLength: 500, nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_BusinessPriorities", x => x.Id);
                table.ForeignKey("FK_BusinessPriorities_Boards_OwnerBoardId", x => x.OwnerBoardId, "Boards", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_BusinessPriorities_YearStart_Number", "BusinessPriorities", ["YearStart", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_BusinessPriorities_OwnerBoardId", "BusinessPriorities", "OwnerBoardId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("BusinessPriorities");
        migrationBuilder.DropTable("GovernanceActionUpdates");
        migrationBuilder.DropTable("GovernanceActions");
        migrationBuilder.DropTable("MeetingDecisions");
        migrationBuilder.DropTable("MeetingAttendances");
        migrationBuilder.DropTable("BoardMeetings");
        migrationBuilder.DropTable("BoardMembers");
        migrationBuilder.DropTable("Boards");
    }
}
