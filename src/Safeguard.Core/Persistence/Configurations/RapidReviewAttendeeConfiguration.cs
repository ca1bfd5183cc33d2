using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.CaseReviews;

namespace Safeguard.Persistence.Configurations;

public sealed class RapidReviewAttendeeConfiguration : IEntityTypeConfiguration<RapidReviewAttendee>
{
    public void Configure(EntityTypeBuilder<RapidReviewAttendee> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("RapidReviewAttendees");
        builder.ConfigureEntity();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
