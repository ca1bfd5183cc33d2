using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Journey;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class CensusDigestConfiguration : IEntityTypeConfiguration<CensusDigest>
{
    public void Configure(EntityTypeBuilder<CensusDigest> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("CensusDigests");
        builder.HasKey(d => d.PersonId);
        builder.Property(d => d.PersonId).ValueGeneratedNever();
        builder.Property(d => d.Digest).HasMaxLength(CensusDigest.Length);
        builder.HasOne<Person>().WithOne().HasForeignKey<CensusDigest>(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
