using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.People;
using Safeguard.PrivateFostering;

namespace Safeguard.Persistence.Configurations;

public sealed class PrivateFosteringArrangementConfiguration : IEntityTypeConfiguration<PrivateFosteringArrangement>
{
    public void Configure(EntityTypeBuilder<PrivateFosteringArrangement> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PrivateFosteringArrangements");
        builder.ConfigureEntity();
        builder.Property(a => a.CarerName).HasMaxLength(PrivateFosteringArrangement.MaxNameLength);
        builder.Property(a => a.CarerAddress).HasMaxLength(PrivateFosteringArrangement.MaxTextLength);
        builder.Property(a => a.Parents).HasMaxLength(PrivateFosteringArrangement.MaxTextLength);
        builder.Property(a => a.NotifiedByName).HasMaxLength(PrivateFosteringArrangement.MaxNameLength);
        builder.Property(a => a.ExpectedLength).HasMaxLength(PrivateFosteringArrangement.MaxNameLength);
        builder.Property(a => a.DecisionReason).HasMaxLength(PrivateFosteringArrangement.MaxTextLength);
        builder.Property(a => a.EndNote).HasMaxLength(PrivateFosteringArrangement.MaxTextLength);
        builder.Property(a => a.RecordedByName).HasMaxLength(PrivateFosteringArrangement.MaxNameLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Visits).WithOne().HasForeignKey(v => v.ArrangementId).OnDelete(DeleteBehavior.Restrict)
            .HasConstraintName("FK_PrivateFosteringVisits_Arrangements_ArrangementId"); // the default name is longer than PostgreSQL keeps
        builder.HasIndex(a => new { a.PersonId, a.NotifiedOn });
        builder.HasIndex(a => a.NotifiedOn);
        builder.Ignore(a => a.IsOpen);
    }
}

public sealed class PrivateFosteringVisitConfiguration : IEntityTypeConfiguration<PrivateFosteringVisit>
{
    public void Configure(EntityTypeBuilder<PrivateFosteringVisit> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PrivateFosteringVisits");
        builder.ConfigureEntity();
        builder.Property(v => v.VisitedBy).HasMaxLength(PrivateFosteringArrangement.MaxNameLength);
        builder.Property(v => v.Notes).HasMaxLength(PrivateFosteringArrangement.MaxTextLength);
        builder.Property(v => v.RecordedByName).HasMaxLength(PrivateFosteringArrangement.MaxNameLength);
        builder.HasIndex(v => new { v.ArrangementId, v.VisitedOn });
    }
}
