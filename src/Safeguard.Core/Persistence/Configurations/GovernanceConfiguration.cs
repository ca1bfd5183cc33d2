using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Governance;
using Safeguard.Identity;

namespace Safeguard.Persistence.Configurations;

public sealed class BoardConfiguration : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Boards");
        builder.ConfigureEntity();
        builder.Property(b => b.Name).HasMaxLength(Board.MaxNameLength);
        builder.Property(b => b.TermsOfReference).HasMaxLength(Board.MaxTextLength);
        builder.HasOne<Board>().WithMany().HasForeignKey(b => b.ParentBoardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(b => b.Name).IsUnique();
        builder.HasIndex(b => b.ParentBoardId);
    }
}

public sealed class BoardMemberConfiguration : IEntityTypeConfiguration<BoardMember>
{
    public void Configure(EntityTypeBuilder<BoardMember> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("BoardMembers");
        builder.ConfigureEntity();
        builder.Property(m => m.Name).HasMaxLength(BoardMember.MaxNameLength);
        builder.Property(m => m.Role).HasMaxLength(100);
        builder.Property(m => m.DeputyName).HasMaxLength(BoardMember.MaxNameLength);
        builder.HasOne<Board>().WithMany().HasForeignKey(m => m.BoardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Agency).WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.BoardId);
        builder.HasIndex(m => m.AgencyId);
        builder.HasIndex(m => m.UserId);
    }
}

public sealed class BoardMeetingConfiguration : IEntityTypeConfiguration<BoardMeeting>
{
    public void Configure(EntityTypeBuilder<BoardMeeting> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("BoardMeetings");
        builder.ConfigureEntity();
        builder.Property(m => m.Minutes).HasMaxLength(Board.MaxTextLength * 4);
        builder.HasOne<Board>().WithMany().HasForeignKey(m => m.BoardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.BoardId, m.HeldOn });
        builder.HasIndex(m => m.HeldOn);
    }
}

public sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("MeetingAttendances");
        builder.ConfigureEntity();
        builder.Property(a => a.DeputyName).HasMaxLength(BoardMember.MaxNameLength);
        builder.Property(a => a.RecordedBy).HasMaxLength(200);
        builder.Ignore(a => a.Attended);
        builder.HasOne<BoardMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BoardMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.MeetingId, a.MemberId }).IsUnique();
        builder.HasIndex(a => a.MemberId);
    }
}

public sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("MeetingDecisions");
        builder.ConfigureEntity();
        builder.Property(d => d.Text).HasMaxLength(Board.MaxTextLength);
        builder.HasOne<BoardMeeting>().WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.MeetingId, d.Number }).IsUnique();
        builder.HasIndex(d => d.AgendaItemId);
    }
}

public sealed class GovernanceActionConfiguration : IEntityTypeConfiguration<GovernanceAction>
{
    public void Configure(EntityTypeBuilder<GovernanceAction> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("GovernanceActions");
        builder.ConfigureEntity();
        builder.Property(a => a.Description).HasMaxLength(Board.MaxTextLength);
        builder.Property(a => a.Owner).HasMaxLength(200);
        builder.Ignore(a => a.IsOpen);
        builder.HasOne<Board>().WithMany().HasForeignKey(a => a.BoardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BoardMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.OwningAgency).WithMany().HasForeignKey(a => a.OwningAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => a.BoardId);
        builder.HasIndex(a => a.MeetingId);
        builder.HasIndex(a => a.AgendaItemId);
        builder.HasIndex(a => a.OwningAgencyId);
        builder.HasIndex(a => new { a.OwnerUserId, a.Status });
        builder.HasIndex(a => new { a.Status, a.DueOn });
    }
}

public sealed class GovernanceActionUpdateConfiguration : IEntityTypeConfiguration<GovernanceActionUpdate>
{
    public void Configure(EntityTypeBuilder<GovernanceActionUpdate> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("GovernanceActionUpdates");
        builder.ConfigureEntity();
        builder.Property(u => u.By).HasMaxLength(200);
        builder.Property(u => u.Text).HasMaxLength(Board.MaxTextLength);
        builder.HasIndex(u => u.ActionId);
    }
}

public sealed class BusinessPriorityConfiguration : IEntityTypeConfiguration<BusinessPriority>
{
    public void Configure(EntityTypeBuilder<BusinessPriority> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("BusinessPriorities");
        builder.ConfigureEntity();
        builder.Property(p => p.Title).HasMaxLength(Board.MaxNameLength);
        builder.Property(p => p.Description).HasMaxLength(Board.MaxTextLength);
        builder.Property(p => p.ImprovementPlanNote).HasMaxLength(BusinessPriority.MaxNoteLength);
        builder.HasOne<Board>().WithMany().HasForeignKey(p => p.OwnerBoardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Safeguard.ImprovementPlan.Workstream>().WithMany().HasForeignKey(p => p.WorkstreamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.WorkstreamId);
        builder.HasIndex(p => new { p.YearStart, p.Number }).IsUnique();
        builder.HasIndex(p => p.OwnerBoardId);
    }
}
