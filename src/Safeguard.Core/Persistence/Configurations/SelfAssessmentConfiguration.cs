using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Assurance;

namespace Safeguard.Persistence.Configurations;

public sealed class SelfAssessmentRoundConfiguration : IEntityTypeConfiguration<SelfAssessmentRound>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentRound> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("SelfAssessmentRounds");
        builder.ConfigureEntity();
        builder.Property(r => r.Title).HasMaxLength(SelfAssessmentRound.MaxTitleLength);
        builder.Property(r => r.CreatedBy).HasMaxLength(200);
        builder.HasMany(r => r.Questions).WithOne().HasForeignKey(q => q.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.YearStart, r.Kind });
    }
}

public sealed class SelfAssessmentQuestionConfiguration : IEntityTypeConfiguration<SelfAssessmentQuestion>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentQuestion> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("SelfAssessmentQuestions");
        builder.ConfigureEntity();
        builder.Property(q => q.StandardTitle).HasMaxLength(SelfAssessmentRound.MaxTitleLength);
        builder.Property(q => q.Text).HasMaxLength(SelfAssessmentRound.MaxTextLength);
        builder.Ignore(q => q.Reference);
        builder.HasIndex(q => new { q.RoundId, q.StandardNumber, q.Number }).IsUnique();
    }
}

public sealed class SelfAssessmentReturnConfiguration : IEntityTypeConfiguration<SelfAssessmentReturn>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentReturn> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("SelfAssessmentReturns");
        builder.ConfigureEntity();
        builder.Property(r => r.Sector).HasMaxLength(100);
        builder.Property(r => r.SubmittedBy).HasMaxLength(200);
        builder.HasOne<SelfAssessmentRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ReturnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.RoundId, r.AgencyId }).IsUnique();
        builder.HasIndex(r => new { r.AgencyId, r.SubmittedAt });
    }
}

public sealed class SelfAssessmentAnswerConfiguration : IEntityTypeConfiguration<SelfAssessmentAnswer>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentAnswer> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("SelfAssessmentAnswers");
        builder.ConfigureEntity();
        builder.Property(a => a.Evidence).HasMaxLength(SelfAssessmentRound.MaxTextLength);
        builder.Property(a => a.Action).HasMaxLength(SelfAssessmentRound.MaxTextLength);
        builder.Ignore(a => a.FinalRating);
        builder.HasOne<SelfAssessmentQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.ReturnId, a.QuestionId }).IsUnique();
        builder.HasIndex(a => a.QuestionId);
    }
}

public sealed class SelfAssessmentChallengeConfiguration : IEntityTypeConfiguration<SelfAssessmentChallenge>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentChallenge> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("SelfAssessmentChallenges");
        builder.ConfigureEntity();
        builder.Property(c => c.Note).HasMaxLength(SelfAssessmentRound.MaxTextLength);
        builder.Property(c => c.RecordedBy).HasMaxLength(200);
        builder.HasOne<SelfAssessmentReturn>().WithMany().HasForeignKey(c => c.ReturnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SelfAssessmentQuestion>().WithMany().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ReturnId);
        builder.HasIndex(c => c.QuestionId);
    }
}

public sealed class SelfAssessmentActionConfiguration : IEntityTypeConfiguration<SelfAssessmentAction>
{
    public void Configure(EntityTypeBuilder<SelfAssessmentAction> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("SelfAssessmentActions");
        builder.ConfigureEntity();
        builder.Property(a => a.Description).HasMaxLength(SelfAssessmentRound.MaxTextLength);
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Property(a => a.Evidence).HasMaxLength(SelfAssessmentRound.MaxTextLength);
        builder.HasOne<SelfAssessmentRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SelfAssessmentReturn>().WithMany().HasForeignKey(a => a.ReturnId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<SelfAssessmentQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.OwningAgency).WithMany().HasForeignKey(a => a.OwningAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.RoundId);
        builder.HasIndex(a => a.ReturnId);
        builder.HasIndex(a => a.QuestionId);
        builder.HasIndex(a => a.OwningAgencyId);
        builder.HasIndex(a => new { a.Status, a.DueOn });
    }
}
