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

public sealed class CareLeaverConfiguration : IEntityTypeConfiguration<CareLeaver>
{
    public void Configure(EntityTypeBuilder<CareLeaver> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("CareLeavers");
        builder.ConfigureEntity();
        builder.Property(c => c.PersonalAdviserName).HasMaxLength(CareEpisode.MaxNameLength);
        builder.Property(c => c.AdultServicesNote).HasMaxLength(CareLeaver.MaxTextLength);
        builder.Property(c => c.RecordedByName).HasMaxLength(CareEpisode.MaxNameLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.PersonalAdviserUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.PersonId).IsUnique();
        builder.HasIndex(c => c.PersonalAdviserUserId);
    }
}

public sealed class PathwayPlanConfiguration : IEntityTypeConfiguration<PathwayPlan>
{
    public void Configure(EntityTypeBuilder<PathwayPlan> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PathwayPlans");
        builder.ConfigureEntity();
        builder.Property(p => p.Summary).HasMaxLength(PathwayPlan.MaxTextLength);
        builder.Property(p => p.RecordedByName).HasMaxLength(CareEpisode.MaxNameLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PersonId, p.AgreedOn });
    }
}

public sealed class CareLeaverContactConfiguration : IEntityTypeConfiguration<CareLeaverContact>
{
    public void Configure(EntityTypeBuilder<CareLeaverContact> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("CareLeaverContacts");
        builder.ConfigureEntity();
        builder.Property(c => c.InTouch).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(c => c.Activity).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(c => c.Accommodation).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(c => c.RecordedByName).HasMaxLength(CareEpisode.MaxNameLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.PersonId, c.Birthday }).IsUnique();
    }
}

public sealed class AdoptionDecisionConfiguration : IEntityTypeConfiguration<AdoptionDecision>
{
    public void Configure(EntityTypeBuilder<AdoptionDecision> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AdoptionDecisions");
        builder.ConfigureEntity();
        builder.Property(a => a.ReasonNoLongerPlaced).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(a => a.AdoptedByFosterCarers).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(a => a.NumberOfAdopters).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(a => a.SexOfAdopters).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(a => a.LegalStatusOfAdopters).HasMaxLength(CareEpisode.MaxCodeLength);
        builder.Property(a => a.RecordedByName).HasMaxLength(CareEpisode.MaxNameLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PersonId, a.DecidedOn });
        builder.Ignore(a => a.IsOpen);
    }
}

public sealed class WellbeingRecordConfiguration : IEntityTypeConfiguration<WellbeingRecord>
{
    public void Configure(EntityTypeBuilder<WellbeingRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LookedAfterWellbeing");
        builder.ConfigureEntity();
        builder.Property(w => w.SdqReason).HasMaxLength(WellbeingRecord.MaxCodeLength);
        builder.Property(w => w.RecordedByName).HasMaxLength(CareEpisode.MaxNameLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(w => w.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => new { w.PersonId, w.Year }).IsUnique();
        builder.Ignore(w => w.Collection);
    }
}
