using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class PersonMergeConfiguration : IEntityTypeConfiguration<PersonMerge>
{
    public void Configure(EntityTypeBuilder<PersonMerge> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PersonMerges");
        builder.ConfigureEntity();
        builder.Property(m => m.MovedLinks).HasMaxLength(4000);
        builder.Property(m => m.MergedByName).HasMaxLength(200);
        builder.Property(m => m.UnmergedByName).HasMaxLength(200);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.SurvivorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.MergedId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.SurvivorId);
        builder.HasIndex(m => m.MergedId);
    }
}
