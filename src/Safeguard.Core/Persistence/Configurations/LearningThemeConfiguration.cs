using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.CaseReviews;

namespace Safeguard.Persistence.Configurations;

public sealed class LearningThemeConfiguration : IEntityTypeConfiguration<LearningTheme>
{
    public void Configure(EntityTypeBuilder<LearningTheme> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LearningThemes");
        builder.ConfigureEntity();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => t.Name).IsUnique();
    }
}
