using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.CaseReviews;

namespace Safeguard.Persistence.Configurations;

public sealed class SeriousIncidentNotificationConfiguration : IEntityTypeConfiguration<SeriousIncidentNotification>
{
    public void Configure(EntityTypeBuilder<SeriousIncidentNotification> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("SeriousIncidentNotifications");
        builder.ConfigureEntity();
        builder.Property(n => n.Reference).HasMaxLength(8);
        builder.HasIndex(n => n.Reference).IsUnique();
        builder.Property(n => n.ChildName).HasMaxLength(200);
        builder.Property(n => n.Summary).HasMaxLength(4000);
        builder.Property(n => n.DecisionAgreedBy).HasMaxLength(500);
        builder.HasOne(n => n.ResubmissionOf).WithMany().HasForeignKey(n => n.ResubmissionOfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(n => n.RapidReview).WithOne(r => r.Notification).HasForeignKey<RapidReview>(r => r.NotificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.PracticeReviews).WithOne(p => p.Notification).HasForeignKey(p => p.NotificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Findings).WithOne(f => f.Notification).HasForeignKey(f => f.NotificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Recommendations).WithOne(r => r.Notification).HasForeignKey(r => r.NotificationId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(n => n.MeetsNotificationCriteria);
        builder.Ignore(n => n.DisplayReference);
    }
}
