using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.AnnualReport;
using Safeguard.Organisations;

namespace Safeguard.Persistence.Configurations;

public sealed class AnnualReportEditionConfiguration : IEntityTypeConfiguration<AnnualReportEdition>
{
    public void Configure(EntityTypeBuilder<AnnualReportEdition> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AnnualReportEditions");
        builder.ConfigureEntity();
        builder.Property(e => e.SentForReviewBy).HasMaxLength(200);
        builder.Property(e => e.PublishedBy).HasMaxLength(200);
        builder.HasMany(e => e.SignOffs).WithOne().HasForeignKey(s => s.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.YearStart).IsUnique();
    }
}

public sealed class AnnualReportSignOffConfiguration : IEntityTypeConfiguration<AnnualReportSignOff>
{
    public void Configure(EntityTypeBuilder<AnnualReportSignOff> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AnnualReportSignOffs");
        builder.ConfigureEntity();
        builder.Property(s => s.Signatory).HasMaxLength(200);
        builder.Property(s => s.RecordedBy).HasMaxLength(200);
        builder.HasIndex(s => new { s.EditionId, s.Partner }).IsUnique();
    }
}

public sealed class AnnualReportNarrativeConfiguration : IEntityTypeConfiguration<AnnualReportNarrative>
{
    public void Configure(EntityTypeBuilder<AnnualReportNarrative> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AnnualReportNarratives");
        builder.ConfigureEntity();
        builder.Property(n => n.SectionKey).HasMaxLength(100);
        builder.Property(n => n.Text).HasMaxLength(AnnualReportNarrative.MaxTextLength);
        builder.Property(n => n.UpdatedBy).HasMaxLength(200);
        builder.HasIndex(n => new { n.YearStart, n.SectionKey }).IsUnique();
    }
}

public sealed class AnnualReportNarrativeVersionConfiguration : IEntityTypeConfiguration<AnnualReportNarrativeVersion>
{
    public void Configure(EntityTypeBuilder<AnnualReportNarrativeVersion> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AnnualReportNarrativeVersions");
        builder.ConfigureEntity();
        builder.Property(v => v.Text).HasMaxLength(AnnualReportNarrative.MaxTextLength);
        builder.Property(v => v.SavedBy).HasMaxLength(200);
        builder.HasOne<AnnualReportNarrative>().WithMany().HasForeignKey(v => v.NarrativeId).OnDelete(DeleteBehavior.Restrict).HasConstraintName("FK_AnnualReportNarrativeVersions_NarrativeId");
        builder.HasIndex(v => new { v.NarrativeId, v.Number }).IsUnique();
    }
}

public sealed class PartnershipFeedbackConfiguration : IEntityTypeConfiguration<PartnershipFeedback>
{
    public void Configure(EntityTypeBuilder<PartnershipFeedback> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PartnershipFeedback");
        builder.ConfigureEntity();
        builder.Property(f => f.Source).HasMaxLength(200);
        builder.Property(f => f.WhatWasSaid).HasMaxLength(PartnershipFeedback.MaxTextLength);
        builder.Property(f => f.WhatChanged).HasMaxLength(PartnershipFeedback.MaxTextLength);
        builder.Property(f => f.RecordedBy).HasMaxLength(200);
        builder.HasIndex(f => f.ReceivedOn);
    }
}

public sealed class PartnershipFundingLineConfiguration : IEntityTypeConfiguration<PartnershipFundingLine>
{
    public void Configure(EntityTypeBuilder<PartnershipFundingLine> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PartnershipFundingLines");
        builder.ConfigureEntity();
        builder.Property(f => f.Description).HasMaxLength(200);
        builder.Property(f => f.Amount).HasPrecision(18, 2);
        builder.Property(f => f.RecordedBy).HasMaxLength(200);
        builder.HasOne<Agency>().WithMany().HasForeignKey(f => f.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.YearStart, f.Kind });
        builder.HasIndex(f => f.AgencyId);
    }
}

public sealed class AnnualReportPublishedFileConfiguration : IEntityTypeConfiguration<AnnualReportPublishedFile>
{
    public void Configure(EntityTypeBuilder<AnnualReportPublishedFile> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AnnualReportPublishedFiles");
        builder.ConfigureEntity();
        builder.Property(f => f.Content).HasAnnotation(Auditing.AuditChanges.RedactAnnotation, true);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.PublishedBy).HasMaxLength(200);
        builder.HasOne<AnnualReportEdition>().WithMany().HasForeignKey(f => f.EditionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => new { f.EditionId, f.Format }).IsUnique();
    }
}
