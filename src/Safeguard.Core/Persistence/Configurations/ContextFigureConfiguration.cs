using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Dataset;

namespace Safeguard.Persistence.Configurations;

public sealed class ContextFigureConfiguration : IEntityTypeConfiguration<ContextFigure>
{
    public void Configure(EntityTypeBuilder<ContextFigure> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ContextFigures");
        builder.ConfigureEntity();
        builder.Property(c => c.Value).HasPrecision(18, 4);
        builder.Property(c => c.Note).HasMaxLength(2000);
        builder.Property(c => c.RecordedBy).HasMaxLength(200);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(c => c.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.IndicatorId, c.YearStart });
    }
}
