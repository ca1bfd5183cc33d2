using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.CaseReviews;

namespace Safeguard.Persistence.Configurations;

public sealed class PracticeReviewConfiguration : IEntityTypeConfiguration<PracticeReview>
{
    public void Configure(EntityTypeBuilder<PracticeReview> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PracticeReviews");
        builder.ConfigureEntity();
        builder.Property(p => p.Reviewer).HasMaxLength(200);
        builder.Property(p => p.TermsOfReference).HasMaxLength(8000);
        builder.Property(p => p.PractitionerInvolvement).HasMaxLength(4000);
        builder.Property(p => p.FamilyInvolvement).HasMaxLength(4000);
        builder.Property(p => p.PublicationReasons).HasMaxLength(4000);
        builder.Ignore(p => p.IsConcluded);
        builder.Ignore(p => p.ConcludedOn);
    }
}
