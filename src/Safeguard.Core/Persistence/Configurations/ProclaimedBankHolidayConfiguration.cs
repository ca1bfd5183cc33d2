using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Calendar;

namespace Safeguard.Persistence.Configurations;

public sealed class ProclaimedBankHolidayConfiguration : IEntityTypeConfiguration<ProclaimedBankHoliday>
{
    public void Configure(EntityTypeBuilder<ProclaimedBankHoliday> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ProclaimedBankHolidays");
        builder.ConfigureEntity();
        builder.Property(h => h.Title).HasMaxLength(200);
        builder.HasIndex(h => h.Date).IsUnique();
    }
}
