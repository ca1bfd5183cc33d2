using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Identity;

namespace Safeguard.Persistence.Configurations;

/// <summary>Safeguard's additions to the Identity user table (the rest is mapped by Identity itself).</summary>
public sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.ReminderPreference).HasConversion<string>().HasMaxLength(16).HasDefaultValue(Reminders.ReminderPreference.Digest).HasSentinel((Reminders.ReminderPreference)(-1));
        builder.Property(u => u.SocialWorkEnglandNumber).HasMaxLength(LookedAfter.SocialWorkerEpisodes.MaxNumberLength);
        builder.HasIndex(u => u.SocialWorkEnglandNumber).IsUnique();
        builder.HasOne(u => u.Agency).WithMany().HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.Team).WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
