using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Journey;

namespace Safeguard.Persistence.Configurations;

public sealed class ChildVisitConfiguration : IEntityTypeConfiguration<ChildVisit>
{
    public void Configure(EntityTypeBuilder<ChildVisit> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ChildVisits");
        builder.ConfigureEntity();
        builder.Property(v => v.VisitedBy).HasMaxLength(ChildVisit.MaxNameLength);
        builder.Property(v => v.Note).HasMaxLength(ChildVisit.MaxNoteLength);
        builder.Property(v => v.RecordedByName).HasMaxLength(ChildVisit.MaxNameLength);
        builder.HasOne<People.Person>().WithMany().HasForeignKey(v => v.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.PersonId, v.VisitDate });
    }
}
