using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Journey;

namespace Safeguard.Persistence.Configurations;

public sealed class ChildInNeedPlanConfiguration : IEntityTypeConfiguration<ChildInNeedPlan>
{
    public void Configure(EntityTypeBuilder<ChildInNeedPlan> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ChildInNeedPlans");
        builder.ConfigureEntity();
        builder.HasIndex(p => p.EpisodeId);
    }
}
