using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Interchange.Cin.Uploads;

namespace Safeguard.Persistence.Configurations;

public sealed class CinUploadConfiguration : IEntityTypeConfiguration<CinUpload>
{
    public void Configure(EntityTypeBuilder<CinUpload> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("CinUploads");
        builder.ConfigureEntity();
        builder.Property(u => u.FileName).HasMaxLength(255);
        builder.Property(u => u.Sha256).HasMaxLength(64);
        builder.Property(u => u.UploadedBy).HasMaxLength(256);
        builder.Property(u => u.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(u => u.Problem).HasMaxLength(2000);
        builder.Property(u => u.Collection).HasMaxLength(7);
        builder.HasIndex(u => u.ExpiresAt);
    }
}
