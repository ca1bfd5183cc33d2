using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.ImprovementPlan;

namespace Safeguard.Persistence.Configurations;

public sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ImprovementPlans");
        builder.ConfigureEntity();
        builder.Property(p => p.Title).HasMaxLength(Plan.MaxTitleLength);
        builder.Property(p => p.CreatedBy).HasMaxLength(200);
        builder.HasMany(p => p.Outcomes).WithOne().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PlanOutcomeConfiguration : IEntityTypeConfiguration<PlanOutcome>
{
    public void Configure(EntityTypeBuilder<PlanOutcome> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ImprovementOutcomes");
        builder.ConfigureEntity();
        builder.Property(o => o.Title).HasMaxLength(Plan.MaxTextLength);
        builder.Property(o => o.Theme).HasMaxLength(Plan.MaxTitleLength);
        builder.HasMany(o => o.Workstreams).WithOne().HasForeignKey(w => w.OutcomeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.PlanId, o.Number }).IsUnique();
    }
}

public sealed class WorkstreamConfiguration : IEntityTypeConfiguration<Workstream>
{
    public void Configure(EntityTypeBuilder<Workstream> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ImprovementWorkstreams");
        builder.ConfigureEntity();
        builder.Property(w => w.Title).HasMaxLength(Plan.MaxTitleLength);
        builder.Property(w => w.LeadName).HasMaxLength(200);
        builder.Property(w => w.Impact).HasMaxLength(Plan.MaxTextLength);
        builder.HasOne<Plan>().WithMany().HasForeignKey(w => w.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(w => w.LeadAgency).WithMany().HasForeignKey(w => w.LeadAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(w => w.LeadUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(w => w.Actions).WithOne().HasForeignKey(a => a.WorkstreamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(w => w.PlanId);
        builder.HasIndex(w => w.OutcomeId);
        builder.HasIndex(w => w.LeadAgencyId);
        builder.HasIndex(w => w.LeadUserId);
    }
}

public sealed class PlanActionConfiguration : IEntityTypeConfiguration<PlanAction>
{
    public void Configure(EntityTypeBuilder<PlanAction> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ImprovementActions");
        builder.ConfigureEntity();
        builder.Property(a => a.Title).HasMaxLength(Plan.MaxTextLength);
        builder.Property(a => a.OwnerName).HasMaxLength(200);
        builder.Ignore(a => a.MetOnTime);
        builder.HasOne<Plan>().WithMany().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.OwnerAgency).WithMany().HasForeignKey(a => a.OwnerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Identity.User>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.PlanId);
        builder.HasIndex(a => a.WorkstreamId);
        builder.HasIndex(a => a.OwnerAgencyId);
        builder.HasIndex(a => new { a.OwnerUserId, a.Status, a.DueOn });
    }
}

public sealed class PlanRatingConfiguration : IEntityTypeConfiguration<PlanRating>
{
    public void Configure(EntityTypeBuilder<PlanRating> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ImprovementRatings");
        builder.ConfigureEntity();
        builder.Property(r => r.Period).HasMaxLength(16);
        builder.Property(r => r.Commentary).HasMaxLength(Plan.MaxTextLength);
        builder.Property(r => r.RatedBy).HasMaxLength(200);
        builder.HasOne<Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.PlanId, r.Period });
        builder.HasIndex(r => new { r.ItemId, r.Period });
    }
}

public sealed class PlanEvidenceNoteConfiguration : IEntityTypeConfiguration<PlanEvidenceNote>
{
    public void Configure(EntityTypeBuilder<PlanEvidenceNote> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ImprovementEvidenceNotes");
        builder.ConfigureEntity();
        builder.Property(e => e.Text).HasMaxLength(Plan.MaxTextLength);
        builder.Property(e => e.RecordedBy).HasMaxLength(200);
        builder.HasOne<Plan>().WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Workstream>().WithMany().HasForeignKey(e => e.WorkstreamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlanAction>().WithMany().HasForeignKey(e => e.ActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.PlanId);
        builder.HasIndex(e => e.WorkstreamId);
        builder.HasIndex(e => e.ActionId);
    }
}

public sealed class PlanPeriodSummaryConfiguration : IEntityTypeConfiguration<PlanPeriodSummary>
{
    public void Configure(EntityTypeBuilder<PlanPeriodSummary> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ImprovementPeriodSummaries");
        builder.ConfigureEntity();
        builder.Property(s => s.Period).HasMaxLength(16);
        builder.Property(s => s.KeyAchievements).HasMaxLength(Plan.MaxTextLength);
        builder.Property(s => s.KeyChallenges).HasMaxLength(Plan.MaxTextLength);
        builder.Property(s => s.UpdatedBy).HasMaxLength(200);
        builder.HasOne<Plan>().WithMany().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.PlanId, s.Period }).IsUnique();
    }
}
