using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Journey;

namespace Safeguard.Persistence.Configurations;

public sealed class S47EnquiryConfiguration : IEntityTypeConfiguration<S47Enquiry>
{
    public void Configure(EntityTypeBuilder<S47Enquiry> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("S47Enquiries");
        builder.ConfigureEntity();
        builder.HasOne<StrategyDiscussion>().WithMany().HasForeignKey(s => s.StrategyDiscussionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.EpisodeId);
        builder.HasIndex(s => s.StrategyDiscussionId).IsUnique();
    }
}
