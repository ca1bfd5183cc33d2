using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.ComplexSafeguarding;

/// <summary>
/// A meeting of the monthly child exploitation and missing panel (CEaM, also called MACE): its date and chair, the
/// children on its agenda (built from the criteria, <see cref="IPanelCriterion"/>), who attended for which agency,
/// and the minutes.
/// </summary>
public sealed class PanelMeeting : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxMinutesLength = 20000;

    public DateOnly MeetingDate { get; set; }

    public required string Chair { get; set; }

    public string? Minutes { get; set; }

    /// <summary>When the agenda was last built from the criteria; null until it has been.</summary>
    public DateTimeOffset? AgendaBuiltAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedByName { get; set; }
}

/// <summary>Someone at (or sending apologies to) a panel meeting, for their agency.</summary>
public sealed class PanelAttendee : Entity
{
    public Guid MeetingId { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public required string Name { get; set; }

    /// <summary>Their role (for example detective sergeant, designated nurse), when given.</summary>
    public string? Role { get; set; }

    /// <summary>True when they attended; false when they sent apologies.</summary>
    public bool Attended { get; set; }
}

/// <summary>A child on a panel meeting's agenda: why (the criteria they met), the panel's decision and its actions.</summary>
public sealed class PanelCase : Entity
{
    public const int MaxReasonsLength = 2000;
    public const int MaxDecisionLength = 4000;

    public Guid MeetingId { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The codes of the criteria met, comma-separated (for example "repeat-missing,rhi-declined").</summary>
    public required string Criteria { get; set; }

    /// <summary>Why, in words: one line per criterion met.</summary>
    public required string Reasons { get; set; }

    public string? Decision { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedByName { get; set; }

    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>An action the panel set for a child: what, who owns it and by when; on the owner's due work until done.</summary>
public sealed class PanelAction : Entity
{
    public const int MaxDescriptionLength = 1000;

    public Guid CaseId { get; set; }

    public Guid MeetingId { get; set; }

    public Guid PersonId { get; set; }

    public required string Description { get; set; }

    public Guid OwnerUserId { get; set; }

    public required string OwnerName { get; set; }

    public DateOnly DueOn { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public string? CompletedByName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedByName { get; set; }
}
