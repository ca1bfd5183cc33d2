using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Auditing;

namespace Safeguard.Persistence.Configurations;

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("AuditEvents");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.Process).HasMaxLength(AuditEvent.MaxNameLength);
        builder.Property(e => e.ActorName).HasMaxLength(AuditEvent.MaxActorNameLength);
        builder.Property(e => e.Reason).HasMaxLength(AuditEvent.MaxReasonLength);
        builder.Property(e => e.EntityType).HasMaxLength(AuditEvent.MaxNameLength);
        builder.Property(e => e.EntityId).HasMaxLength(AuditEvent.MaxNameLength);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => new { e.EntityType, e.EntityId });
        builder.HasIndex(e => e.ActorUserId);
        builder.HasIndex(e => e.OccurredAt);
        // The last change event, read for the data version (DataVersion), in one step of this index.
        builder.HasIndex(e => new { e.Kind, e.Sequence });
    }
}
