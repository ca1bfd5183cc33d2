using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.CaseReviews;

namespace Safeguard.Persistence.Configurations;

public sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Recommendations");
        builder.ConfigureEntity();
        builder.Property(r => r.Text).HasMaxLength(4000);
        builder.HasOne<Finding>().WithMany().HasForeignKey(r => r.FindingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Actions).WithOne(a => a.Recommendation).HasForeignKey(a => a.RecommendationId).OnDelete(DeleteBehavior.Restrict);
    }
}
