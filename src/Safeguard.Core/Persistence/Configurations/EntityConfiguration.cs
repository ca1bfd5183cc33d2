using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Common;

namespace Safeguard.Persistence.Configurations;

/// <summary>What every <see cref="Entity"/> mapping shares: the key and the concurrency version.</summary>
public static class EntityConfiguration
{
    public static void ConfigureEntity<T>(this EntityTypeBuilder<T> builder)
        where T : Entity
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}
