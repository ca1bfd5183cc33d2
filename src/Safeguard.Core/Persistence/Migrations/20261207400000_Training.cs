using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Safeguard.Persistence.Migrations;

/// <summary>The multi-agency training programme: courses (with a case review learning theme), sessions, and bookings with attendance, evaluation and follow-up.</summary>
[DbContext(typeof(SafeguardDbContext))]
[Migration("20261207400000_Training")]
public sealed class Training : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "TrainingCourses",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                LearningOutcomes = table.Column<string>(maxLength: 4000, nullable: false),
                Audience = table.Column<string>(maxLength: 200, nullable: false),
                LearningThemeId = table.Column<Guid>(nullable: true),
                IsActive = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 200, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TrainingCourses", x => x.Id);
                table.ForeignKey("FK_TrainingCourses_LearningThemes_LearningThemeId", x => x.LearningThemeId, "LearningThemes", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_TrainingCourses_Title", "TrainingCourses", "Title", unique: true);
        migrationBuilder.CreateIndex("IX_TrainingCourses_LearningThemeId", "TrainingCourses", "LearningThemeId");

        migrationBuilder.CreateTable(
            name: "TrainingSessions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                CourseId = table.Column<Guid>(nullable: false),
                HeldOn = table.Column<DateOnly>(nullable: false),
                YearStart = table.Column<int>(nullable: false),
                Online = table.Column<bool>(nullable: false),
                Venue = table.Column<string>(maxLength: 200, nullable: true),
                Trainer = table.Column<string>(maxLength: 200, nullable: false),
                Places = table.Column<int>(nullable: false),
                Booked = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 64, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TrainingSessions", x => x.Id);
                table.ForeignKey("FK_TrainingSessions_TrainingCourses_CourseId", x => x.CourseId, "TrainingCourses", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_TrainingSessions_YearStart_HeldOn", "TrainingSessions", ["YearStart", "HeldOn"]);
        migrationBuilder.CreateIndex("IX_TrainingSessions_CourseId_HeldOn", "TrainingSessions", ["CourseId", "HeldOn"]);
        migrationBuilder.CreateIndex("IX_TrainingSessions_Status_HeldOn", "TrainingSessions", ["Status", "HeldOn"]);

        migrationBuilder.CreateTable(
            name: "TrainingBookings",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SessionId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                DelegateName = table.Column<string>(maxLength: 200, nullable: false),
                DelegateRole = table.Column<string>(maxLength: 100, nullable: false),
                BookedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                BookedBy = table.Column<string>(maxLength: 200, nullable: false),
                Attendance = table.Column<string>(maxLength: 64, nullable: false),
                ConfidenceBefore = table.Column<int>(nullable: true),
                ConfidenceAfter = table.Column<int>(nullable: true),
                Feedback = table.Column<string>(maxLength: 4000, nullable: true),
                EvaluatedOn = table.Column<DateOnly>(nullable: true),
                FollowUpDueOn = table.Column<DateOnly>(nullable: true),
                FollowUpOn = table.Column<DateOnly>(nullable: true),
                PracticeChanged = table.Column<bool>(nullable: true),
                PracticeExample = table.Column<string>(maxLength: 4000, nullable: true),
                FollowUpBy = table.Column<string>(maxLength: 200, nullable: true),
                FollowUpReminders = table.Column<int>(nullable: false),
                LastRemindedOn = table.Column<DateOnly>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_TrainingBookings", x => x.Id);
                table.ForeignKey("FK_TrainingBookings_TrainingSessions_SessionId", x => x.SessionId, "TrainingSessions", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_TrainingBookings_Agencies_AgencyId", x => x.AgencyId, "Agencies", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_TrainingBookings_SessionId_AgencyId", "TrainingBookings", ["SessionId", "AgencyId"]);
        migrationBuilder.CreateIndex("IX_TrainingBookings_AgencyId_Attendance_FollowUpDueOn", "TrainingBookings", ["AgencyId", "Attendance", "FollowUpDueOn"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("TrainingBookings");
        migrationBuilder.DropTable("TrainingSessions");
        migrationBuilder.DropTable("TrainingCourses");
    }
}
