using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Journey;

namespace Safeguard.Persistence.Configurations;

public sealed class NeedEpisodeConfiguration : IEntityTypeConfiguration<NeedEpisode>
{
    public void Configure(EntityTypeBuilder<NeedEpisode> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("NeedEpisodes");
        builder.ConfigureEntity();
        builder.Property(e => e.ReferralSource).HasMaxLength(2);
        builder.Property(e => e.PrimaryNeedCode).HasMaxLength(2);
        builder.Property(e => e.ReasonForClosure).HasMaxLength(3);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Assessments).WithOne().HasForeignKey(a => a.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.CinPlans).WithOne().HasForeignKey(p => p.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.StrategyDiscussions).WithOne().HasForeignKey(s => s.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Enquiries).WithOne().HasForeignKey(s => s.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.ProtectionPlans).WithOne().HasForeignKey(p => p.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Allocations).WithOne().HasForeignKey(a => a.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.PersonId);
        builder.HasIndex(e => e.FrontDoorContactId);
    }
}
