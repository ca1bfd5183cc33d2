using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Dataset;

namespace Safeguard.Persistence.Configurations;

public sealed class ReturnedFigureConfiguration : IEntityTypeConfiguration<ReturnedFigure>
{
    public void Configure(EntityTypeBuilder<ReturnedFigure> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ReturnedFigures");
        builder.ConfigureEntity();
        builder.Property(f => f.Value).HasPrecision(18, 4);
        builder.Property(f => f.MissingReason).HasConversion<string>().HasMaxLength(64);
        builder.Property(f => f.Comment).HasMaxLength(2000);
        builder.Property(f => f.RecordedBy).HasMaxLength(200);
        builder.HasOne(f => f.Indicator).WithMany().HasForeignKey(f => f.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}
