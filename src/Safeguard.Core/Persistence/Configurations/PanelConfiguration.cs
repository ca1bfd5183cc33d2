using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.ComplexSafeguarding;
using Safeguard.Identity;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class PanelMeetingConfiguration : IEntityTypeConfiguration<PanelMeeting>
{
    public void Configure(EntityTypeBuilder<PanelMeeting> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PanelMeetings");
        builder.ConfigureEntity();
        builder.Property(m => m.Chair).HasMaxLength(PanelMeeting.MaxNameLength);
        builder.Property(m => m.Minutes).HasMaxLength(PanelMeeting.MaxMinutesLength);
        builder.Property(m => m.CreatedByName).HasMaxLength(PanelMeeting.MaxNameLength);
        builder.HasIndex(m => m.MeetingDate).IsUnique();
    }
}

public sealed class PanelAttendeeConfiguration : IEntityTypeConfiguration<PanelAttendee>
{
    public void Configure(EntityTypeBuilder<PanelAttendee> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PanelAttendees");
        builder.ConfigureEntity();
        builder.Property(a => a.Name).HasMaxLength(PanelMeeting.MaxNameLength);
        builder.Property(a => a.Role).HasMaxLength(PanelMeeting.MaxNameLength);
        builder.HasOne<PanelMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Agency).WithMany().HasForeignKey(a => a.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.MeetingId);
        builder.HasIndex(a => a.AgencyId);
    }
}

public sealed class PanelCaseConfiguration : IEntityTypeConfiguration<PanelCase>
{
    public void Configure(EntityTypeBuilder<PanelCase> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PanelCases");
        builder.ConfigureEntity();
        builder.Property(c => c.Criteria).HasMaxLength(500);
        builder.Property(c => c.Reasons).HasMaxLength(PanelCase.MaxReasonsLength);
        builder.Property(c => c.Decision).HasMaxLength(PanelCase.MaxDecisionLength);
        builder.Property(c => c.DecidedByName).HasMaxLength(PanelMeeting.MaxNameLength);
        builder.HasOne<PanelMeeting>().WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.MeetingId, c.PersonId }).IsUnique();
        builder.HasIndex(c => c.PersonId);
    }
}

public sealed class PanelActionConfiguration : IEntityTypeConfiguration<PanelAction>
{
    public void Configure(EntityTypeBuilder<PanelAction> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PanelActions");
        builder.ConfigureEntity();
        builder.Property(a => a.Description).HasMaxLength(PanelAction.MaxDescriptionLength);
        builder.Property(a => a.OwnerName).HasMaxLength(PanelMeeting.MaxNameLength);
        builder.Property(a => a.CompletedByName).HasMaxLength(PanelMeeting.MaxNameLength);
        builder.Property(a => a.CreatedByName).HasMaxLength(PanelMeeting.MaxNameLength);
        builder.HasOne<PanelCase>().WithMany().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PanelMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.CaseId);
        builder.HasIndex(a => a.MeetingId);
        builder.HasIndex(a => a.PersonId);
        builder.HasIndex(a => new { a.OwnerUserId, a.CompletedAt });
    }
}
