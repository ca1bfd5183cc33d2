using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.ApiClients;
using Safeguard.Auditing;

namespace Safeguard.Persistence.Configurations;

public sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ApiClients");
        builder.ConfigureEntity();
        builder.Property(c => c.Name).HasMaxLength(ApiClient.MaxNameLength);
        builder.Property(c => c.KeyPrefix).HasMaxLength(ApiClient.PrefixLength);
        // The hash never reaches the audit trail: it is what a key is checked against.
        builder.Property(c => c.KeyHash).HasMaxLength(64).HasAnnotation(AuditChanges.RedactAnnotation, true);
        builder.Property(c => c.Permissions).HasMaxLength(1000);
        builder.Property(c => c.CreatedByName).HasMaxLength(200);
        builder.Property(c => c.RevokedByName).HasMaxLength(200);
        builder.Property(c => c.RevokedReason).HasMaxLength(1000);
        builder.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.KeyHash).IsUnique();
        builder.Ignore(c => c.IsRevoked);
        builder.Ignore(c => c.PermissionNames);
    }
}
