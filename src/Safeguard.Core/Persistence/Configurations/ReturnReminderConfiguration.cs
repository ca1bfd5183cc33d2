using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Dataset;

namespace Safeguard.Persistence.Configurations;

public sealed class ReturnReminderConfiguration : IEntityTypeConfiguration<ReturnReminder>
{
    public void Configure(EntityTypeBuilder<ReturnReminder> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ReturnReminders");
        builder.ConfigureEntity();
        builder.Property(r => r.SentBy).HasMaxLength(200);
        builder.Property(r => r.Message).HasMaxLength(2000);
    }
}
