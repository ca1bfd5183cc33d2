using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Timescales;

namespace Safeguard.Persistence.Configurations;

public sealed class LocalTimescaleConfiguration : IEntityTypeConfiguration<LocalTimescale>
{
    public void Configure(EntityTypeBuilder<LocalTimescale> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LocalTimescales");
        builder.ConfigureEntity();
        builder.Property(t => t.RuleId).HasMaxLength(64);
        builder.HasIndex(t => t.RuleId).IsUnique();
    }
}
