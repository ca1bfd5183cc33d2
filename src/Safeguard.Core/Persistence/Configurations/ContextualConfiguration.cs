using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.ComplexSafeguarding;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class ContextualLocationConfiguration : IEntityTypeConfiguration<ContextualLocation>
{
    public void Configure(EntityTypeBuilder<ContextualLocation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ContextualLocations");
        builder.ConfigureEntity();
        builder.Property(l => l.Name).HasMaxLength(ContextualLocation.MaxNameLength);
        builder.Property(l => l.Postcode).HasMaxLength(8);
        builder.Property(l => l.Description).HasMaxLength(ContextualLocation.MaxTextLength);
        builder.Property(l => l.CreatedByName).HasMaxLength(200);
        builder.HasIndex(l => l.Name);
        builder.HasIndex(l => l.Postcode);
    }
}

public sealed class ContextualGroupConfiguration : IEntityTypeConfiguration<ContextualGroup>
{
    public void Configure(EntityTypeBuilder<ContextualGroup> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ContextualGroups");
        builder.ConfigureEntity();
        builder.Property(g => g.Name).HasMaxLength(ContextualGroup.MaxNameLength);
        builder.Property(g => g.Description).HasMaxLength(ContextualGroup.MaxTextLength);
        builder.Property(g => g.CreatedByName).HasMaxLength(200);
        builder.HasIndex(g => g.Name);
    }
}

public sealed class ContextualLinkConfiguration : IEntityTypeConfiguration<ContextualLink>
{
    public void Configure(EntityTypeBuilder<ContextualLink> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ContextualLinks");
        builder.ConfigureEntity();
        builder.Property(l => l.Source).HasMaxLength(ContextualLink.MaxSourceLength);
        builder.Property(l => l.Notes).HasMaxLength(ContextualLink.MaxTextLength);
        builder.Property(l => l.RecordedByName).HasMaxLength(200);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.RelatedPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ContextualLocation>().WithMany().HasForeignKey(l => l.LocationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ContextualGroup>().WithMany().HasForeignKey(l => l.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MissingEpisode>().WithMany().HasForeignKey(l => l.MissingEpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.PersonId);
        builder.HasIndex(l => l.RelatedPersonId);
        builder.HasIndex(l => l.LocationId);
        builder.HasIndex(l => l.GroupId);
        builder.HasIndex(l => l.MissingEpisodeId);
        builder.Ignore(l => l.Target);
    }
}
