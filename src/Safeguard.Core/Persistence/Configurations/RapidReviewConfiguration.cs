using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.CaseReviews;

namespace Safeguard.Persistence.Configurations;

public sealed class RapidReviewConfiguration : IEntityTypeConfiguration<RapidReview>
{
    public void Configure(EntityTypeBuilder<RapidReview> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("RapidReviews");
        builder.ConfigureEntity();
        builder.HasIndex(r => r.NotificationId).IsUnique();
        builder.Property(r => r.Discussion).HasMaxLength(8000);
        builder.Property(r => r.ImmediateSafetyActions).HasMaxLength(8000);
        builder.Property(r => r.RecommendationRationale).HasMaxLength(8000);
        builder.HasMany(r => r.InformationRequests).WithOne().HasForeignKey(i => i.RapidReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Attendees).WithOne().HasForeignKey(a => a.RapidReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Signatures).WithOne().HasForeignKey(s => s.RapidReviewId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.IsComplete);
    }
}
