using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Dataset;

namespace Safeguard.Persistence.Configurations;

public sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Indicators");
        builder.ConfigureEntity();
        builder.Property(i => i.Code).HasMaxLength(10);
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Definition).HasMaxLength(4000);
        builder.Property(i => i.Unit).HasConversion<string>().HasMaxLength(64);
        builder.Property(i => i.Aggregation).HasConversion<string>().HasMaxLength(64);
        builder.Property(i => i.Polarity).HasConversion<string>().HasMaxLength(64);
        builder.Property(i => i.Source).HasConversion<string>().HasMaxLength(64);
        builder.Property(i => i.Calculation).HasMaxLength(100);
        builder.Property(i => i.ComputedFrom);
        builder.Property(i => i.TolerancePercent).HasPrecision(18, 4);
        builder.HasOne(i => i.SupplierAgency).WithMany().HasForeignKey(i => i.SupplierAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
