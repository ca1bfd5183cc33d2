using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class NotDuplicateConfirmationConfiguration : IEntityTypeConfiguration<NotDuplicateConfirmation>
{
    public void Configure(EntityTypeBuilder<NotDuplicateConfirmation> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("NotDuplicateConfirmations");
        builder.ConfigureEntity();
        builder.Property(c => c.ConfirmedByName).HasMaxLength(200);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(c => c.OtherPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.PersonId);
        builder.HasIndex(c => c.OtherPersonId);
    }
}
