using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Dataset;

namespace Safeguard.Persistence.Configurations;

public sealed class DataReturnConfiguration : IEntityTypeConfiguration<DataReturn>
{
    public void Configure(EntityTypeBuilder<DataReturn> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("DataReturns");
        builder.ConfigureEntity();
        builder.Property(r => r.OpenedBy).HasMaxLength(200);
        builder.HasIndex(r => new { r.YearStart, r.Quarter }).IsUnique();
        builder.Ignore(r => r.Period);
        builder.HasMany(r => r.Requests).WithOne(q => q.DataReturn).HasForeignKey(q => q.DataReturnId).OnDelete(DeleteBehavior.Restrict);
    }
}
