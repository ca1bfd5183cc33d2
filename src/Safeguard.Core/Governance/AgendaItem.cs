using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.Governance;

/// <summary>
/// One item of a meeting's agenda, in its place: title, who presents it (a name and their agency), the paper that goes
/// with it and the time it starts. Decisions and actions name the item they came from (ADR 0084).
/// </summary>
public sealed class AgendaItem : Entity
{
    /// <summary>What a title entered on the form may hold; the column keeps agenda lines moved from the old text agenda whole.</summary>
    public const int MaxTitleLength = 500;

    public const int MaxPaperReferenceLength = 100;

    public Guid MeetingId { get; set; }

    /// <summary>The item's place on the agenda, from 1.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    /// <summary>Who presents the item (a name or a role).</summary>
    public string? Presenter { get; set; }

    public Guid? PresenterAgencyId { get; set; }

    public Agency? PresenterAgency { get; set; }

    /// <summary>The paper that goes with the item ("Paper 3", "QA/2026/14").</summary>
    public string? PaperReference { get; set; }

    /// <summary>When the item starts (UK local time on the meeting's date).</summary>
    public TimeOnly? StartsAt { get; set; }
}
