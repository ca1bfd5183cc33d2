using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Safeguard.Governance;

namespace Safeguard.Persistence.Configurations;

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("MeetingAgendaItems");
        builder.ConfigureEntity();

        // As long as the old text agenda, so that the lines moved from it are kept whole (ADR 0084).
        builder.Property(i => i.Title).HasMaxLength(Board.MaxTextLength);
        builder.Property(i => i.Presenter).HasMaxLength(BoardMember.MaxNameLength);
        builder.Property(i => i.PaperReference).HasMaxLength(AgendaItem.MaxPaperReferenceLength);
        builder.HasOne<BoardMeeting>().WithMany().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.PresenterAgency).WithMany().HasForeignKey(i => i.PresenterAgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.MeetingId, i.Number });
        builder.HasIndex(i => i.PresenterAgencyId);
    }
}
