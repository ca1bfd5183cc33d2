using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Identity;
using Safeguard.Reminders;

namespace Safeguard.Persistence.Configurations;

public sealed class ReminderDigestConfiguration : IEntityTypeConfiguration<ReminderDigest>
{
    public void Configure(EntityTypeBuilder<ReminderDigest> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ReminderDigests");
        builder.ConfigureEntity();
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.SentTo).HasMaxLength(256);
        builder.Property(d => d.Error).HasMaxLength(1000);
        builder.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.UserId, d.ForDate }).IsUnique();
        builder.HasIndex(d => d.ForDate);
    }
}
