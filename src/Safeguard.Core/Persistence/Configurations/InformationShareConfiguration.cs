using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.FrontDoor;
using Safeguard.People;

namespace Safeguard.Persistence.Configurations;

public sealed class InformationShareConfiguration : IEntityTypeConfiguration<InformationShare>
{
    public void Configure(EntityTypeBuilder<InformationShare> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("InformationShares");
        builder.ConfigureEntity();
        builder.Property(s => s.What).HasMaxLength(InformationShare.MaxTextLength);
        builder.Property(s => s.Purpose).HasMaxLength(InformationShare.MaxTextLength);
        builder.Property(s => s.Reason).HasMaxLength(InformationShare.MaxTextLength);
        builder.Property(s => s.DecidedByName).HasMaxLength(Contact.MaxNameLength);
        builder.HasOne<Contact>().WithMany().HasForeignKey(s => s.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Agency).WithMany().HasForeignKey(s => s.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.DecidedAt);
    }
}
