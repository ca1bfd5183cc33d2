using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class PersonRelationshipConfiguration : IEntityTypeConfiguration<PersonRelationship>
{
    public void Configure(EntityTypeBuilder<PersonRelationship> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PersonRelationships");
        builder.ConfigureEntity();
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.RelatedPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.PersonId);
        builder.HasIndex(r => r.RelatedPersonId);
    }
}
