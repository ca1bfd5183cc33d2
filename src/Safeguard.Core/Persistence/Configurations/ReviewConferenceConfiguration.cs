using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Journey;

namespace Safeguard.Persistence.Configurations;

public sealed class ReviewConferenceConfiguration : IEntityTypeConfiguration<ReviewConference>
{
    public void Configure(EntityTypeBuilder<ReviewConference> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ReviewConferences");
        builder.ConfigureEntity();
        builder.HasIndex(r => r.PlanId);
    }
}
