using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Journey;

namespace Safeguard.Persistence.Configurations;

public sealed class CaseAssessmentConfiguration : IEntityTypeConfiguration<CaseAssessment>
{
    public void Configure(EntityTypeBuilder<CaseAssessment> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("CaseAssessments");
        builder.ConfigureEntity();
        builder.Property(a => a.Factors).HasMaxLength(200);
        builder.HasIndex(a => a.EpisodeId);
    }
}
