namespace Safeguard.ComplexSafeguarding;

/// <summary>A meeting as entered.</summary>
public sealed record PanelMeetingDetails(DateOnly? MeetingDate, string? Chair);

/// <summary>An attendee as entered.</summary>
public sealed record PanelAttendeeDetails(Guid? AgencyId, string? Name, string? Role, bool? Attended);

/// <summary>An action as entered.</summary>
public sealed record PanelActionDetails(string? Description, Guid? OwnerUserId, DateOnly? DueOn);

/// <summary>A meeting on the list of meetings.</summary>
public sealed record PanelMeetingSummary(Guid Id, DateOnly MeetingDate, string Chair, int Children, int Decided, int OpenActions);

/// <summary>An action with where it stands today.</summary>
public sealed record PanelActionView(PanelAction Action, bool IsOverdue);

/// <summary>A child on an agenda as the reader may see them (a restricted record's placeholder), with the actions set.</summary>
public sealed record PanelCaseView(PanelCase Case, string ChildName, bool CanOpen, IReadOnlyList<PanelActionView> Actions);

/// <summary>A meeting: its attendees (by agency), its agenda and whether its date has passed.</summary>
public sealed record PanelMeetingView(PanelMeeting Meeting, IReadOnlyList<PanelAttendee> Attendees, IReadOnlyList<PanelCaseView> Agenda, PanelWindow Window);

/// <summary>One child's agenda item with its meeting.</summary>
public sealed record PanelCaseDetail(PanelMeeting Meeting, PanelCaseView Item);

/// <summary>A user who may own a panel action.</summary>
public sealed record PanelOwner(Guid UserId, string Name, string AgencyName);
