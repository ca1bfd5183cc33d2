using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.FrontDoor;

namespace Safeguard.Persistence.Configurations;

public sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("Contacts");
        builder.ConfigureEntity();
        builder.Property(c => c.ReferrerName).HasMaxLength(Contact.MaxNameLength);
        builder.Property(c => c.ReferrerRole).HasMaxLength(Contact.MaxNameLength);
        builder.Property(c => c.ReferralSource).HasMaxLength(3);
        builder.Property(c => c.Concerns).HasMaxLength(Contact.MaxConcernsLength);
        builder.Property(c => c.ConsentReason).HasMaxLength(Contact.MaxReasonLength);
        builder.Property(c => c.TriageNotes).HasMaxLength(Contact.MaxReasonLength);
        builder.Property(c => c.DecisionRationale).HasMaxLength(Contact.MaxReasonLength);
        builder.Property(c => c.DecidedByName).HasMaxLength(Contact.MaxNameLength);
        builder.Property(c => c.RecordedByName).HasMaxLength(Contact.MaxNameLength);
        builder.HasOne(c => c.FromAgency).WithMany().HasForeignKey(c => c.FromAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.ThresholdLevel).WithMany().HasForeignKey(c => c.ThresholdLevelId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Children).WithOne().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.InformationRequests).WithOne(r => r.Contact).HasForeignKey(r => r.ContactId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.ReceivedAt);
        // The contacts of one decision, oldest first (the LADO's referrals waiting, the queue): read in index order
        // rather than along every contact's date, filtering (docs/performance.md).
        builder.HasIndex(c => new { c.Decision, c.ReceivedAt });

        // A partner's own contacts, newest (or oldest) first, one page at a time: read in index order.
        builder.HasIndex(c => new { c.FromAgencyId, c.ReceivedAt });
        builder.Ignore(c => c.IsDecided);
    }
}
