using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.FrontDoor;

namespace Safeguard.Persistence.Configurations;

public sealed class ContactInformationRequestConfiguration : IEntityTypeConfiguration<ContactInformationRequest>
{
    public void Configure(EntityTypeBuilder<ContactInformationRequest> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("ContactInformationRequests");
        builder.ConfigureEntity();
        builder.Property(r => r.Question).HasMaxLength(ContactInformationRequest.MaxTextLength);
        builder.Property(r => r.Response).HasMaxLength(ContactInformationRequest.MaxTextLength);
        builder.Property(r => r.RequestedByName).HasMaxLength(Contact.MaxNameLength);
        builder.Property(r => r.RespondedByName).HasMaxLength(Contact.MaxNameLength);
        builder.HasOne(r => r.Agency).WithMany().HasForeignKey(r => r.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.IsAnswered);
        // An agency's requests: the open ones newest first, then the answered ones newest first, each read in index order.
        builder.HasIndex(r => new { r.AgencyId, r.RespondedAt, r.RequestedAt });
        builder.HasIndex(r => new { r.AgencyId, r.RequestedAt });
    }
}
