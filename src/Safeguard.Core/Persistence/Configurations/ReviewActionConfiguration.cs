using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.CaseReviews;

namespace Safeguard.Persistence.Configurations;

public sealed class ReviewActionConfiguration : IEntityTypeConfiguration<ReviewAction>
{
    public void Configure(EntityTypeBuilder<ReviewAction> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ReviewActions");
        builder.ConfigureEntity();
        builder.Property(a => a.Description).HasMaxLength(4000);
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Property(a => a.Evidence).HasMaxLength(4000);
        builder.Property(a => a.DeclinedReason).HasMaxLength(4000);
        builder.Property(a => a.SignedOffBy).HasMaxLength(256);
        builder.HasOne(a => a.OwningAgency).WithMany().HasForeignKey(a => a.OwningAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.IsOutstanding);
    }
}
