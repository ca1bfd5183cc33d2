using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.ComplexSafeguarding;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class MissingEpisodeConfiguration : IEntityTypeConfiguration<MissingEpisode>
{
    public void Configure(EntityTypeBuilder<MissingEpisode> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("MissingEpisodes");
        builder.ConfigureEntity();
        builder.Property(e => e.DescribedName).HasMaxLength(201);
        builder.Property(e => e.DescribedNhsNumber).HasMaxLength(10);
        builder.Property(e => e.DescribedUpn).HasMaxLength(13);
        builder.Property(e => e.WhereFound).HasMaxLength(MissingEpisode.MaxTextLength);
        builder.Property(e => e.Circumstances).HasMaxLength(MissingEpisode.MaxTextLength);
        builder.Property(e => e.PoliceReference).HasMaxLength(MissingEpisode.MaxReferenceLength);
        builder.Property(e => e.ReportedByName).HasMaxLength(MissingEpisode.MaxNameLength);
        builder.Property(e => e.RecordedByName).HasMaxLength(MissingEpisode.MaxNameLength);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.ReportedByAgency).WithMany().HasForeignKey(e => e.ReportedByAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.Interview).WithOne().HasForeignKey<ReturnInterview>(i => i.EpisodeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.PersonId, e.StartedAt });
        builder.HasIndex(e => e.EndedAt);
        builder.HasIndex(e => e.ReportedByAgencyId);
        builder.Ignore(e => e.HasEnded);
    }
}

public sealed class ReturnInterviewConfiguration : IEntityTypeConfiguration<ReturnInterview>
{
    public void Configure(EntityTypeBuilder<ReturnInterview> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ReturnInterviews");
        builder.ConfigureEntity();
        builder.Property(i => i.Interviewer).HasMaxLength(ReturnInterview.MaxNameLength);
        builder.Property(i => i.Organisation).HasMaxLength(ReturnInterview.MaxNameLength);
        builder.Property(i => i.RecordedByName).HasMaxLength(ReturnInterview.MaxNameLength);
        foreach (var text in new[] { nameof(ReturnInterview.Reason), nameof(ReturnInterview.PushFactors), nameof(ReturnInterview.PullFactors), nameof(ReturnInterview.WhereTheyWere), nameof(ReturnInterview.WithWhom), nameof(ReturnInterview.Notes) })
        {
            builder.Property(text).HasMaxLength(ReturnInterview.MaxTextLength);
        }

        builder.HasIndex(i => i.EpisodeId).IsUnique();
    }
}
