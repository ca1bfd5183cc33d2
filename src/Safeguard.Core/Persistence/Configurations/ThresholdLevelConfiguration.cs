using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.FrontDoor;

namespace Safeguard.Persistence.Configurations;

public sealed class ThresholdLevelConfiguration : IEntityTypeConfiguration<ThresholdLevel>
{
    public void Configure(EntityTypeBuilder<ThresholdLevel> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ThresholdLevels");
        builder.ConfigureEntity();
        builder.Property(l => l.Name).HasMaxLength(ThresholdLevel.MaxNameLength);
        builder.Property(l => l.Description).HasMaxLength(ThresholdLevel.MaxDescriptionLength);
        builder.HasIndex(l => l.Level);
    }
}
