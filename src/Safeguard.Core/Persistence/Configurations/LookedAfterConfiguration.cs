using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Identity;
using Safeguard.LookedAfter;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class CareEpisodeConfiguration : IEntityTypeConfiguration<CareEpisode>
{
    public void Configure(EntityTypeBuilder<CareEpisode> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("CareEpisodes");
        builder.ConfigureEntity();
        builder.Property(e => e.ReasonForNewEpisode).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(e => e.LegalStatus).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(e => e.CategoryOfNeed).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(e => e.PlacementType).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(e => e.PlacementProvider).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(e => e.PlacementPostcode).HasMaxLength(CareEpisode.MaxPostcodeLength);
        builder.Property(e => e.HomePostcode).HasMaxLength(CareEpisode.MaxPostcodeLength);
        builder.Property(e => e.PlacementUrn).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(e => e.ReasonEpisodeCeased).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(e => e.ReasonPlacementChanged).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(e => e.IroName).HasMaxLength(CareEpisode.MaxNameLength);
        builder.Property(e => e.RecordedByName).HasMaxLength(CareEpisode.MaxNameLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.IroUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.PersonId, e.StartedOn });
        builder.HasIndex(e => new { e.EndedOn, e.PersonId });
        builder.HasIndex(e => e.IroUserId);
        builder.Ignore(e => e.IsCurrent);
    }
}

public sealed class LookedAfterReviewConfiguration : IEntityTypeConfiguration<LookedAfterReview>
{
    public void Configure(EntityTypeBuilder<LookedAfterReview> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LookedAfterReviews");
        builder.ConfigureEntity();
        builder.Property(r => r.IroName).HasMaxLength(CareEpisode.MaxNameLength);
        builder.Property(r => r.Participation).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(r => r.Decisions).HasMaxLength(LookedAfterReview.MaxTextLength);
        builder.Property(r => r.RecordedByName).HasMaxLength(CareEpisode.MaxNameLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.IroUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PersonId, r.HeldOn });
        builder.HasIndex(r => r.IroUserId);
    }
}

public sealed class HealthCheckConfiguration : IEntityTypeConfiguration<HealthCheck>
{
    public void Configure(EntityTypeBuilder<HealthCheck> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LookedAfterHealthChecks");
        builder.ConfigureEntity();
        builder.Property(h => h.DoneBy).HasMaxLength(HealthCheck.MaxNameLength);
        builder.Property(h => h.Notes).HasMaxLength(HealthCheck.MaxTextLength);
        builder.Property(h => h.RecordedByName).HasMaxLength(CareEpisode.MaxNameLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => new { h.PersonId, h.Kind, h.DoneOn });
    }
}
