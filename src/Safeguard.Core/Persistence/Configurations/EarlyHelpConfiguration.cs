using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.EarlyHelp;
using Safeguard.Organisations;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class EarlyHelpEpisodeConfiguration : IEntityTypeConfiguration<EarlyHelpEpisode>
{
    public void Configure(EntityTypeBuilder<EarlyHelpEpisode> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("EarlyHelpEpisodes");
        builder.ConfigureEntity();
        builder.Property(e => e.FamilyName).HasMaxLength(EarlyHelpEpisode.MaxNameLength);
        builder.Property(e => e.Needs).HasMaxLength(400);
        builder.Property(e => e.ClosureNote).HasMaxLength(EarlyHelpEpisode.MaxTextLength);
        builder.Property(e => e.RecordedByName).HasMaxLength(EarlyHelpEpisode.MaxNameLength);
        builder.HasOne<FrontDoor.Contact>().WithMany().HasForeignKey(e => e.FrontDoorContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FrontDoor.Contact>().WithMany().HasForeignKey(e => e.StepUpContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Journey.NeedEpisode>().WithMany().HasForeignKey(e => e.StepDownFromEpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Agency>().WithMany().HasForeignKey(e => e.RequestedByAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Members).WithOne().HasForeignKey(m => m.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Leads).WithOne().HasForeignKey(m => m.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.TeamMembers).WithOne().HasForeignKey(m => m.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Reviews).WithOne().HasForeignKey(m => m.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.ClosedOn);
        builder.HasIndex(e => e.StartedOn);
        builder.HasIndex(e => e.FrontDoorContactId);
        builder.HasIndex(e => e.StepUpContactId);
        builder.HasIndex(e => e.StepDownFromEpisodeId);
        builder.HasIndex(e => e.RequestedByAgencyId);
        builder.Ignore(e => e.IsOpen);
        builder.Ignore(e => e.NeedCodes);
        builder.Ignore(e => e.CurrentLead);
    }
}

public sealed class EarlyHelpFamilyMemberConfiguration : IEntityTypeConfiguration<EarlyHelpFamilyMember>
{
    public void Configure(EntityTypeBuilder<EarlyHelpFamilyMember> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("EarlyHelpFamilyMembers");
        builder.ConfigureEntity();
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.EpisodeId, m.PersonId }).IsUnique();
        builder.HasIndex(m => m.PersonId);
    }
}

public sealed class EarlyHelpLeadConfiguration : IEntityTypeConfiguration<EarlyHelpLead>
{
    public void Configure(EntityTypeBuilder<EarlyHelpLead> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("EarlyHelpLeads");
        builder.ConfigureEntity();
        builder.Property(l => l.Name).HasMaxLength(EarlyHelpEpisode.MaxNameLength);
        builder.Property(l => l.Role).HasMaxLength(EarlyHelpEpisode.MaxNameLength);
        builder.HasOne(l => l.Agency).WithMany().HasForeignKey(l => l.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.EpisodeId);
        builder.HasIndex(l => new { l.AgencyId, l.To });
        builder.HasIndex(l => new { l.UserId, l.To });
    }
}

public sealed class EarlyHelpTeamMemberConfiguration : IEntityTypeConfiguration<EarlyHelpTeamMember>
{
    public void Configure(EntityTypeBuilder<EarlyHelpTeamMember> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("EarlyHelpTeamMembers");
        builder.ConfigureEntity();
        builder.Property(m => m.Name).HasMaxLength(EarlyHelpEpisode.MaxNameLength);
        builder.Property(m => m.Role).HasMaxLength(EarlyHelpEpisode.MaxNameLength);
        builder.HasOne(m => m.Agency).WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.EpisodeId);
        builder.HasIndex(m => new { m.AgencyId, m.LeftOn });
    }
}

public sealed class EarlyHelpReviewConfiguration : IEntityTypeConfiguration<EarlyHelpReview>
{
    public void Configure(EntityTypeBuilder<EarlyHelpReview> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("EarlyHelpReviews");
        builder.ConfigureEntity();
        builder.Property(r => r.Notes).HasMaxLength(EarlyHelpEpisode.MaxTextLength);
        builder.Property(r => r.RecordedByName).HasMaxLength(EarlyHelpEpisode.MaxNameLength);
        builder.HasIndex(r => new { r.EpisodeId, r.HeldOn });
    }
}
