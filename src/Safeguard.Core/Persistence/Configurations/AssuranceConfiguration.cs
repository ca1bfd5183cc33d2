using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Assurance;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class MultiAgencyAuditConfiguration : IEntityTypeConfiguration<MultiAgencyAudit>
{
    public void Configure(EntityTypeBuilder<MultiAgencyAudit> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("MultiAgencyAudits");
        builder.ConfigureEntity();
        builder.Property(a => a.Title).HasMaxLength(MultiAgencyAudit.MaxTitleLength);
        builder.Property(a => a.Theme).HasMaxLength(MultiAgencyAudit.MaxTitleLength);
        builder.Property(a => a.Scale).HasMaxLength(2000);
        builder.Property(a => a.Conclusion).HasMaxLength(MultiAgencyAudit.MaxTextLength);
        builder.Property(a => a.CreatedBy).HasMaxLength(200);
        builder.HasMany(a => a.Questions).WithOne().HasForeignKey(q => q.AuditId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.YearStart);
    }
}

public sealed class AuditQuestionConfiguration : IEntityTypeConfiguration<AuditQuestion>
{
    public void Configure(EntityTypeBuilder<AuditQuestion> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AuditQuestions");
        builder.ConfigureEntity();
        builder.Property(q => q.Text).HasMaxLength(MultiAgencyAudit.MaxTextLength);
        builder.HasIndex(q => q.AuditId);
    }
}

public sealed class AuditCaseConfiguration : IEntityTypeConfiguration<AuditCase>
{
    public void Configure(EntityTypeBuilder<AuditCase> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AuditCases");
        builder.ConfigureEntity();
        builder.Property(c => c.SampledBy).HasMaxLength(500);
        builder.Property(c => c.ModeratorGrade).HasMaxLength(100);
        builder.Property(c => c.ModerationNote).HasMaxLength(MultiAgencyAudit.MaxTextLength);
        builder.Property(c => c.ModeratedBy).HasMaxLength(200);
        builder.HasOne<MultiAgencyAudit>().WithMany().HasForeignKey(c => c.AuditId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.AuditId, c.PersonId }).IsUnique();
        builder.HasIndex(c => c.PersonId);
    }
}

public sealed class AuditReturnConfiguration : IEntityTypeConfiguration<AuditReturn>
{
    public void Configure(EntityTypeBuilder<AuditReturn> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AuditReturns");
        builder.ConfigureEntity();
        builder.Property(r => r.Grade).HasMaxLength(100);
        builder.Property(r => r.Evidence).HasMaxLength(MultiAgencyAudit.MaxTextLength);
        builder.Property(r => r.SubmittedBy).HasMaxLength(200);
        builder.HasOne<MultiAgencyAudit>().WithMany().HasForeignKey(r => r.AuditId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AuditCase>().WithMany().HasForeignKey(r => r.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ReturnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.CaseId, r.AgencyId }).IsUnique();
        builder.HasIndex(r => new { r.AgencyId, r.SubmittedAt });
        builder.HasIndex(r => r.AuditId);
    }
}

public sealed class AuditAnswerConfiguration : IEntityTypeConfiguration<AuditAnswer>
{
    public void Configure(EntityTypeBuilder<AuditAnswer> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AuditAnswers");
        builder.ConfigureEntity();
        builder.Property(a => a.Text).HasMaxLength(MultiAgencyAudit.MaxTextLength);
        builder.HasOne<AuditQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.ReturnId);
        builder.HasIndex(a => a.QuestionId);
    }
}

public sealed class AuditFindingConfiguration : IEntityTypeConfiguration<AuditFinding>
{
    public void Configure(EntityTypeBuilder<AuditFinding> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AuditFindings");
        builder.ConfigureEntity();
        builder.Property(f => f.Text).HasMaxLength(MultiAgencyAudit.MaxTextLength);
        builder.HasOne<MultiAgencyAudit>().WithMany().HasForeignKey(f => f.AuditId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.LearningTheme).WithMany().HasForeignKey(f => f.LearningThemeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(f => f.AuditId);
        builder.HasIndex(f => f.LearningThemeId);
    }
}

public sealed class AssuranceActionConfiguration : IEntityTypeConfiguration<AssuranceAction>
{
    public void Configure(EntityTypeBuilder<AssuranceAction> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AssuranceActions");
        builder.ConfigureEntity();
        builder.Property(a => a.Description).HasMaxLength(MultiAgencyAudit.MaxTextLength);
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Property(a => a.Evidence).HasMaxLength(MultiAgencyAudit.MaxTextLength);
        builder.HasOne<MultiAgencyAudit>().WithMany().HasForeignKey(a => a.AuditId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.OwningAgency).WithMany().HasForeignKey(a => a.OwningAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.AuditId);
        builder.HasIndex(a => new { a.Status, a.DueOn });
    }
}
