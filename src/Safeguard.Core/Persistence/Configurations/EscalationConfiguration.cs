using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Escalations;
using Safeguard.Identity;
using Safeguard.Organisations;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Escalations");
        builder.ConfigureEntity();
        foreach (var name in new[] { nameof(Escalation.RaisedByName), nameof(Escalation.RaisedByRole), nameof(Escalation.Subject), nameof(Escalation.ClosedByName), nameof(Escalation.RecordedByName) })
        {
            builder.Property(name).HasMaxLength(Escalation.MaxNameLength);
        }

        foreach (var text in new[] { nameof(Escalation.Concern), nameof(Escalation.OutcomeNotes), nameof(Escalation.Learning) })
        {
            builder.Property(text).HasMaxLength(Escalation.MaxTextLength);
        }

        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.RaisedByAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.RaisedWithAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.RaisedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Stages).WithOne().HasForeignKey(s => s.EscalationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Notes).WithOne().HasForeignKey(n => n.EscalationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.ClosedOn, e.CurrentDueOn });
        builder.HasIndex(e => e.RaisedOn);
        builder.Ignore(e => e.IsClosed);
    }
}

public sealed class EscalationStageConfiguration : IEntityTypeConfiguration<EscalationStage>
{
    public void Configure(EntityTypeBuilder<EscalationStage> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("EscalationStages");
        builder.ConfigureEntity();
        foreach (var name in new[] { nameof(EscalationStage.RaisingName), nameof(EscalationStage.RaisingRole), nameof(EscalationStage.RespondingName), nameof(EscalationStage.RespondingRole) })
        {
            builder.Property(name).HasMaxLength(Escalation.MaxNameLength);
        }

        foreach (var text in new[] { nameof(EscalationStage.Reason), nameof(EscalationStage.Response), nameof(EscalationStage.MeetingAttendees), nameof(EscalationStage.Decision) })
        {
            builder.Property(text).HasMaxLength(Escalation.MaxTextLength);
        }

        builder.HasOne<User>().WithMany().HasForeignKey(s => s.RaisingUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.RespondingUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.EscalationId, s.Number }).IsUnique();
        builder.HasIndex(s => new { s.RaisingUserId, s.EndedOn });
        builder.HasIndex(s => new { s.RespondingUserId, s.EndedOn });
        builder.Ignore(s => s.EndedInTime);
    }
}

public sealed class EscalationNoteConfiguration : IEntityTypeConfiguration<EscalationNote>
{
    public void Configure(EntityTypeBuilder<EscalationNote> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("EscalationNotes");
        builder.ConfigureEntity();
        builder.Property(n => n.Text).HasMaxLength(Escalation.MaxTextLength);
        builder.Property(n => n.WrittenByName).HasMaxLength(Escalation.MaxNameLength);
        builder.HasOne<User>().WithMany().HasForeignKey(n => n.WrittenByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(n => new { n.EscalationId, n.StageNumber });
    }
}
