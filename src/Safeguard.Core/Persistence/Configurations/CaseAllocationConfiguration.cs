using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Journey;

namespace Safeguard.Persistence.Configurations;

public sealed class CaseAllocationConfiguration : IEntityTypeConfiguration<CaseAllocation>
{
    public void Configure(EntityTypeBuilder<CaseAllocation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("CaseAllocations");
        builder.ConfigureEntity();
        builder.Property(a => a.AllocatedByName).HasMaxLength(200);
        builder.Property(a => a.SocialWorkerReason).HasMaxLength(6);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisations.Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(a => a.WorkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.EpisodeId);
        builder.HasIndex(a => a.PersonId);
        // A team's or worker's open allocations (To null) from the index alone (migration 20261203120000).
        builder.HasIndex(a => new { a.TeamId, a.To });
        builder.HasIndex(a => new { a.WorkerId, a.To });
    }
}
