using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Identity;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class PersonAccessConfiguration : IEntityTypeConfiguration<PersonAccess>
{
    public void Configure(EntityTypeBuilder<PersonAccess> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("PersonAccess");
        builder.ConfigureEntity();
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.PersonId, a.UserId }).IsUnique();
        builder.HasIndex(a => a.UserId);
    }
}
