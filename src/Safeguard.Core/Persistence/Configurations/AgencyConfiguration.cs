using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Organisations;

namespace Safeguard.Persistence.Configurations;

public sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Agencies");
        builder.ConfigureEntity();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Code).HasMaxLength(32);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.HasIndex(a => a.Name).IsUnique();
        builder.HasMany(a => a.Teams).WithOne(t => t.Agency).HasForeignKey(t => t.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
