using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class PersonNameConfiguration : IEntityTypeConfiguration<PersonName>
{
    public void Configure(EntityTypeBuilder<PersonName> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PersonNames");
        builder.ConfigureEntity();
        builder.Property(n => n.GivenNames).HasMaxLength(100);
        builder.Property(n => n.FamilyName).HasMaxLength(100);
        builder.Property(n => n.SearchKey).HasMaxLength(202);
        builder.Property(n => n.FamilySoundex).HasMaxLength(4);
        builder.Ignore(n => n.FullName);
        builder.HasIndex(n => n.PersonId);
        builder.HasIndex(n => n.FamilySoundex);
    }
}
