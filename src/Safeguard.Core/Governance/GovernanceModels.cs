using Safeguard.Common;
using Safeguard.Organisations;

namespace Safeguard.Governance;

/// <summary>Where a board sits in the partnership's structure.</summary>
public enum BoardKind
{
    /// <summary>The strategic partnership (executive) group of the statutory partners and their agencies.</summary>
    Executive,

    /// <summary>A business group overseeing the subgroups' work (children's or adults').</summary>
    BusinessGroup,

    /// <summary>A subgroup with its own chair and work plan (quality assurance, case review...).</summary>
    Subgroup,

    /// <summary>A task and finish group set up by a subgroup for one piece of work.</summary>
    TaskAndFinish,
}

/// <summary>How a member was at a meeting.</summary>
public enum AttendanceStatus
{
    Present,

    /// <summary>The member sent their named deputy (or another colleague) in their place: counted as the agency attending.</summary>
    SentDeputy,

    /// <summary>The member sent apologies and no one came in their place.</summary>
    Apologies,

    /// <summary>Neither there nor apologies.</summary>
    Absent,
}

/// <summary>Where a meeting stands.</summary>
public enum MeetingStatus
{
    /// <summary>Arranged: members can send apologies or name a deputy.</summary>
    Planned,

    /// <summary>Held: its attendance is recorded and counts in the figures.</summary>
    Held,

    /// <summary>Cancelled: it does not count in the figures.</summary>
    Cancelled,
}

/// <summary>Where an action of a board's action log stands.</summary>
public enum GovernanceActionStatus
{
    Open,
    InProgress,
    Completed,

    /// <summary>The board decided the action is no longer needed.</summary>
    Dropped,
}

/// <summary>
/// A board or group of the partnership: the strategic (executive) group, a business group or a subgroup, with its
/// terms of reference, their review date and its quorum, and the board it reports to.
/// </summary>
public sealed class Board : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 8000;

    public required string Name { get; set; }

    public BoardKind Kind { get; set; }

    /// <summary>The board this one reports to (a subgroup to its business group, a business group to the strategic group).</summary>
    public Guid? ParentBoardId { get; set; }

    /// <summary>The terms of reference: purpose, responsibilities, membership and how it works.</summary>
    public string? TermsOfReference { get; set; }

    /// <summary>When the terms of reference are next to be reviewed.</summary>
    public DateOnly? TermsReviewDueOn { get; set; }

    /// <summary>How many members (in person or by their deputy) make a meeting quorate; null when the terms set no quorum.</summary>
    public int? Quorum { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A member of a board for an agency, with their role, named deputy and the period of their membership.</summary>
public sealed class BoardMember : Entity
{
    public const int MaxNameLength = 200;

    public Guid BoardId { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    /// <summary>The member's name (kept as given: a member need not be a user of Safeguard).</summary>
    public required string Name { get; set; }

    /// <summary>The member's user, when they use Safeguard: they then see the board's meetings and their actions from their agency's pages.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Their role on the board ("Chair", "Deputy chair", "Member", "Business unit officer"...).</summary>
    public required string Role { get; set; }

    public string? DeputyName { get; set; }

    public DateOnly StartOn { get; set; }

    /// <summary>The last day of membership; null while a member.</summary>
    public DateOnly? EndOn { get; set; }

    public bool IsMemberOn(DateOnly date) => StartOn <= date && (EndOn is null || EndOn >= date);
}

/// <summary>A meeting of a board: its date, minutes and status; its agenda is its <see cref="AgendaItem"/> records.</summary>
public sealed class BoardMeeting : Entity
{
    public Guid BoardId { get; set; }

    public DateOnly HeldOn { get; set; }

    public MeetingStatus Status { get; set; }

    public string? Minutes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>How one member was at one meeting (apologies and a deputy can be sent before it).</summary>
public sealed class MeetingAttendance : Entity
{
    public Guid MeetingId { get; set; }

    public Guid MemberId { get; set; }

    public AttendanceStatus Status { get; set; }

    /// <summary>Who came in the member's place, when they sent a deputy.</summary>
    public string? DeputyName { get; set; }

    public required string RecordedBy { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Present in person or by a deputy: the agency was at the table.</summary>
    public bool Attended => Status is AttendanceStatus.Present or AttendanceStatus.SentDeputy;
}

/// <summary>A decision a meeting took, as minuted.</summary>
public sealed class MeetingDecision : Entity
{
    public Guid MeetingId { get; set; }

    public int Number { get; set; }

    /// <summary>The agenda item the decision was taken under; null for one minuted outside the agenda.</summary>
    public Guid? AgendaItemId { get; set; }

    public required string Text { get; set; }
}

/// <summary>An action of a board's action log: set at a meeting, owned by a member of staff of an agency, due on a date.</summary>
public sealed class GovernanceAction : Entity
{
    public Guid BoardId { get; set; }

    public Guid MeetingId { get; set; }

    /// <summary>The agenda item the action was set under; null for one set outside the agenda.</summary>
    public Guid? AgendaItemId { get; set; }

    public required string Description { get; set; }

    public Guid OwningAgencyId { get; set; }

    public Agency? OwningAgency { get; set; }

    /// <summary>The owner's name.</summary>
    public required string Owner { get; set; }

    /// <summary>The owner's user, when they use Safeguard: the action is then on their due work and they update it.</summary>
    public Guid? OwnerUserId { get; set; }

    public DateOnly DueOn { get; set; }

    public GovernanceActionStatus Status { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public List<GovernanceActionUpdate> Updates { get; } = [];

    public bool IsOpen => Status is GovernanceActionStatus.Open or GovernanceActionStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;
}

/// <summary>A dated note on an action's progress, with the status it left the action in.</summary>
public sealed class GovernanceActionUpdate : Entity
{
    public Guid ActionId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string By { get; set; }

    public required string Text { get; set; }

    public GovernanceActionStatus Status { get; set; }
}

/// <summary>
/// One of the partnership's priorities in its business plan for a reporting year, owned by a subgroup (or board),
/// optionally linked to the improvement plan's workstream that carries it.
/// </summary>
public sealed class BusinessPriority : Entity
{
    public const int MaxNoteLength = 500;

    public int YearStart { get; set; }

    public int Number { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    public Guid? OwnerBoardId { get; set; }

    /// <summary>The improvement plan's workstream this priority is delivered through (ADR 0082).</summary>
    public Guid? WorkstreamId { get; set; }

    /// <summary>
    /// A note on how the priority relates to the improvement plan: what was typed before the priority could name a
    /// workstream and matched none (kept as written), or anything the business unit adds.
    /// </summary>
    public string? ImprovementPlanNote { get; set; }

    public ReportingYear Year => new(YearStart);
}
