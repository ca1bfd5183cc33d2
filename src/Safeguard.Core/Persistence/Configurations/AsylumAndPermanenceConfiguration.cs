using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.LookedAfter;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class UascStatusConfiguration : IEntityTypeConfiguration<UascStatus>
{
    public void Configure(EntityTypeBuilder<UascStatus> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("UascStatuses");
        builder.ConfigureEntity();
        builder.Property(u => u.CeasedReason).HasMaxLength(UascStatus.MaxCodeLength);
        builder.Property(u => u.RecordedByName).HasMaxLength(CareEpisode.MaxNameLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(u => u.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.PersonId).IsUnique();
    }
}

public sealed class PreviousPermanenceConfiguration : IEntityTypeConfiguration<PreviousPermanence>
{
    public void Configure(EntityTypeBuilder<PreviousPermanence> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PreviousPermanences");
        builder.ConfigureEntity();
        builder.Property(p => p.Option).HasMaxLength(PreviousPermanence.MaxCodeLength);
        builder.Property(p => p.LocalAuthority).HasMaxLength(PreviousPermanence.MaxCodeLength);
        builder.Property(p => p.RecordedByName).HasMaxLength(CareEpisode.MaxNameLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.PersonId).IsUnique();
        builder.Ignore(p => p.ReturnDate);
    }
}
