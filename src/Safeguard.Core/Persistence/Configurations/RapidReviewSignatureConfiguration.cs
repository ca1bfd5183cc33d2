using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.CaseReviews;
using Safeguard.Identity;
using Safeguard.Organisations;

namespace Safeguard.Persistence.Configurations;

public sealed class RapidReviewSignatureConfiguration : IEntityTypeConfiguration<RapidReviewSignature>
{
    public void Configure(EntityTypeBuilder<RapidReviewSignature> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("RapidReviewSignatures");
        builder.ConfigureEntity();
        // One signature per statutory partner: the database refuses a second even if two arrive at once.
        builder.HasIndex(s => new { s.RapidReviewId, s.Partner }).IsUnique();
        builder.Property(s => s.SignedByName).HasMaxLength(256);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
