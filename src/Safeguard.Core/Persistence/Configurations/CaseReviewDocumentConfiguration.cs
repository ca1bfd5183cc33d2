using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Auditing;
using Safeguard.CaseReviews;

namespace Safeguard.Persistence.Configurations;

public sealed class CaseReviewDocumentConfiguration : IEntityTypeConfiguration<CaseReviewDocument>
{
    public void Configure(EntityTypeBuilder<CaseReviewDocument> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("CaseReviewDocuments");
        builder.ConfigureEntity();
        builder.Property(d => d.FileName).HasMaxLength(255);
        builder.Property(d => d.ContentType).HasMaxLength(128);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.Property(d => d.Description).HasMaxLength(500);
        builder.Property(d => d.UploadedBy).HasMaxLength(256);
        // The audit trail keeps the SHA-256 and size, never the bytes.
        builder.Property(d => d.Content).HasAnnotation(AuditChanges.RedactAnnotation, true);
        builder.HasOne<SeriousIncidentNotification>().WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.NotificationId);
    }
}
