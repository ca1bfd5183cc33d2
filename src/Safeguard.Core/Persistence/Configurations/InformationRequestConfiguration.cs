using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.CaseReviews;

namespace Safeguard.Persistence.Configurations;

public sealed class InformationRequestConfiguration : IEntityTypeConfiguration<InformationRequest>
{
    public void Configure(EntityTypeBuilder<InformationRequest> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("InformationRequests");
        builder.ConfigureEntity();
        builder.HasIndex(i => new { i.RapidReviewId, i.AgencyId }).IsUnique();
        builder.Property(i => i.ResponseText).HasMaxLength(8000);
        builder.HasOne(i => i.Agency).WithMany().HasForeignKey(i => i.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CaseReviewDocument>().WithMany().HasForeignKey(i => i.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
