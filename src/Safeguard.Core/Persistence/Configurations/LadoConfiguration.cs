using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.FrontDoor;
using Safeguard.Lado;
using Safeguard.Organisations;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class LadoAllegationConfiguration : IEntityTypeConfiguration<LadoAllegation>
{
    public void Configure(EntityTypeBuilder<LadoAllegation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LadoAllegations");
        builder.ConfigureEntity();
        foreach (var name in new[] { nameof(LadoAllegation.WorkerName), nameof(LadoAllegation.EmployerName), nameof(LadoAllegation.WorkerRole), nameof(LadoAllegation.ReferrerName), nameof(LadoAllegation.OwnerName), nameof(LadoAllegation.RecordedByName) })
        {
            builder.Property(name).HasMaxLength(LadoAllegation.MaxNameLength);
        }

        foreach (var text in new[] { nameof(LadoAllegation.Allegation), nameof(LadoAllegation.DecisionReason), nameof(LadoAllegation.StrategyNotes), nameof(LadoAllegation.PoliceActions), nameof(LadoAllegation.EmployerInvestigation), nameof(LadoAllegation.Disciplinary), nameof(LadoAllegation.OutcomeNotes) })
        {
            builder.Property(text).HasMaxLength(LadoAllegation.MaxTextLength);
        }

        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.EmployerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(a => a.ReferrerAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Children).WithOne().HasForeignKey(c => c.AllegationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => a.ReferredOn);
        builder.HasIndex(a => new { a.OwnerUserId, a.ClosedOn });
        builder.HasIndex(a => a.ContactId).IsUnique();
        builder.Ignore(a => a.IsClosed);
    }
}

public sealed class LadoAllegationChildConfiguration : IEntityTypeConfiguration<LadoAllegationChild>
{
    public void Configure(EntityTypeBuilder<LadoAllegationChild> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("LadoAllegationChildren");
        builder.ConfigureEntity();
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.AllegationId, c.PersonId }).IsUnique();
        builder.HasIndex(c => c.PersonId);
    }
}
