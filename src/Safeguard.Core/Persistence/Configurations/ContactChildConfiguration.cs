using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.FrontDoor;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class ContactChildConfiguration : IEntityTypeConfiguration<ContactChild>
{
    public void Configure(EntityTypeBuilder<ContactChild> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ContactChildren");
        builder.ConfigureEntity();
        builder.Property(c => c.DescribedName).HasMaxLength(201);
        builder.Property(c => c.DescribedNhsNumber).HasMaxLength(10);
        builder.Property(c => c.DescribedUpn).HasMaxLength(13);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.PersonId);
    }
}
