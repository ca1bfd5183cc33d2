using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class PersonAddressConfiguration : IEntityTypeConfiguration<PersonAddress>
{
    public void Configure(EntityTypeBuilder<PersonAddress> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PersonAddresses");
        builder.ConfigureEntity();
        builder.Property(a => a.Line1).HasMaxLength(200);
        builder.Property(a => a.Line2).HasMaxLength(200);
        builder.Property(a => a.Town).HasMaxLength(100);
        builder.Property(a => a.Postcode).HasMaxLength(8);
        builder.HasIndex(a => a.PersonId);
        builder.HasIndex(a => a.Postcode);
    }
}
