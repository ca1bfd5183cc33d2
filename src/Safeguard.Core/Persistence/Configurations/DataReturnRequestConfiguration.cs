using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Dataset;

namespace Safeguard.Persistence.Configurations;

public sealed class DataReturnRequestConfiguration : IEntityTypeConfiguration<DataReturnRequest>
{
    public void Configure(EntityTypeBuilder<DataReturnRequest> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("DataReturnRequests");
        builder.ConfigureEntity();
        builder.Property(q => q.SubmittedBy).HasMaxLength(200);
        builder.HasOne(q => q.Agency).WithMany().HasForeignKey(q => q.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => new { q.DataReturnId, q.AgencyId }).IsUnique();
        builder.HasMany(q => q.Figures).WithOne().HasForeignKey(f => f.RequestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Reminders).WithOne().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}
