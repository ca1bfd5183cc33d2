using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.InformationGovernance;

namespace Safeguard.Persistence.Configurations;

public sealed class RetentionRuleConfiguration : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("RetentionRules");
        builder.ConfigureEntity();
        builder.Property(r => r.RecordType).HasMaxLength(RetentionRule.MaxRecordTypeLength);
        builder.Property(r => r.ChangedByName).HasMaxLength(256);
        builder.HasIndex(r => r.RecordType).IsUnique();
    }
}
