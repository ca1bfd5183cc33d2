using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.CaseReviews;
using Safeguard.Training;

namespace Safeguard.Persistence.Configurations;

public sealed class TrainingCourseConfiguration : IEntityTypeConfiguration<TrainingCourse>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("TrainingCourses");
        builder.ConfigureEntity();
        builder.Property(c => c.Title).HasMaxLength(TrainingCourse.MaxTitleLength);
        builder.Property(c => c.LearningOutcomes).HasMaxLength(TrainingCourse.MaxTextLength);
        builder.Property(c => c.Audience).HasMaxLength(TrainingCourse.MaxTitleLength);
        builder.Property(c => c.CreatedBy).HasMaxLength(200);
        builder.HasOne<LearningTheme>().WithMany().HasForeignKey(c => c.LearningThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.Title).IsUnique();
        builder.HasIndex(c => c.LearningThemeId);
    }
}

public sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("TrainingSessions");
        builder.ConfigureEntity();
        builder.Property(s => s.Venue).HasMaxLength(TrainingCourse.MaxTitleLength);
        builder.Property(s => s.Trainer).HasMaxLength(TrainingBooking.MaxNameLength);
        builder.Ignore(s => s.Year);
        builder.HasOne(s => s.Course).WithMany().HasForeignKey(s => s.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.YearStart, s.HeldOn });
        builder.HasIndex(s => new { s.CourseId, s.HeldOn });
        builder.HasIndex(s => new { s.Status, s.HeldOn });
    }
}

public sealed class TrainingBookingConfiguration : IEntityTypeConfiguration<TrainingBooking>
{
    public void Configure(EntityTypeBuilder<TrainingBooking> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("TrainingBookings");
        builder.ConfigureEntity();
        builder.Property(b => b.DelegateName).HasMaxLength(TrainingBooking.MaxNameLength);
        builder.Property(b => b.DelegateRole).HasMaxLength(100);
        builder.Property(b => b.BookedBy).HasMaxLength(200);
        builder.Property(b => b.Feedback).HasMaxLength(TrainingBooking.MaxTextLength);
        builder.Property(b => b.PracticeExample).HasMaxLength(TrainingBooking.MaxTextLength);
        builder.Property(b => b.FollowUpBy).HasMaxLength(200);
        builder.Ignore(b => b.IsEvaluated);
        builder.Ignore(b => b.OwesFollowUp);
        builder.HasOne(b => b.Session).WithMany().HasForeignKey(b => b.SessionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Agency).WithMany().HasForeignKey(b => b.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.SessionId, b.AgencyId });
        builder.HasIndex(b => new { b.AgencyId, b.Attendance, b.FollowUpDueOn });
    }
}
