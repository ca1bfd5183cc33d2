using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Journey;

namespace Safeguard.Persistence.Configurations;

public sealed class ProtectionPlanConfiguration : IEntityTypeConfiguration<ProtectionPlan>
{
    public void Configure(EntityTypeBuilder<ProtectionPlan> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ProtectionPlans");
        builder.ConfigureEntity();
        builder.Property(p => p.InitialCategory).HasMaxLength(3);
        builder.Property(p => p.LatestCategory).HasMaxLength(3);
        builder.HasOne<S47Enquiry>().WithMany().HasForeignKey(p => p.EnquiryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.EpisodeId);
        builder.HasIndex(p => p.EnquiryId);
    }
}
