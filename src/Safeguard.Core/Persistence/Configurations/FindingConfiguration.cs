using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.CaseReviews;

namespace Safeguard.Persistence.Configurations;

public sealed class FindingConfiguration : IEntityTypeConfiguration<Finding>
{
    public void Configure(EntityTypeBuilder<Finding> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Findings");
        builder.ConfigureEntity();
        builder.Property(f => f.Text).HasMaxLength(4000);
        builder.HasOne(f => f.LearningTheme).WithMany().HasForeignKey(f => f.LearningThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}
