using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Organisations;

namespace Safeguard.Persistence.Configurations;

public sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Teams");
        builder.ConfigureEntity();
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.HasIndex(t => new { t.AgencyId, t.Name }).IsUnique();
    }
}
