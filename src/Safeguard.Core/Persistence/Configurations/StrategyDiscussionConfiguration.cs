using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Journey;

namespace Safeguard.Persistence.Configurations;

public sealed class StrategyDiscussionConfiguration : IEntityTypeConfiguration<StrategyDiscussion>
{
    public void Configure(EntityTypeBuilder<StrategyDiscussion> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("StrategyDiscussions");
        builder.ConfigureEntity();
        builder.HasIndex(s => s.EpisodeId);
    }
}
