using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Dataset;

namespace Safeguard.Persistence.Configurations;

public sealed class IndicatorBenchmarkConfiguration : IEntityTypeConfiguration<IndicatorBenchmark>
{
    public void Configure(EntityTypeBuilder<IndicatorBenchmark> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("IndicatorBenchmarks");
        builder.ConfigureEntity();
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(64);
        builder.Property(b => b.Value).HasPrecision(18, 4);
        builder.Property(b => b.Source).HasMaxLength(500);
        builder.Property(b => b.RecordedBy).HasMaxLength(200);
        builder.HasOne(b => b.Indicator).WithMany().HasForeignKey(b => b.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => new { b.IndicatorId, b.YearStart, b.Kind }).IsUnique();
    }
}
