using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Governance;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Governance;

/// <summary>A meeting: its agenda items, minutes, the attendance form, whether it was quorate, its decisions and its actions by agenda item.</summary>
[RequirePermission("governance.manage")]
public sealed class MeetingModel(BoardService boards, MeetingService meetings, SafeguardDbContext db, TimeProvider time) : GovernancePageModel
{
    public BoardMeeting Meeting { get; private set; } = default!;

    public Board Board { get; private set; } = default!;

    public IReadOnlyList<AttendanceRow> Attendance { get; private set; } = [];

    public Quoracy? Quoracy { get; private set; }

    public IReadOnlyList<MeetingDecision> Decisions { get; private set; } = [];

    public IReadOnlyList<AgendaItem> Agenda { get; private set; } = [];

    /// <summary>The item being changed (from <c>?item=</c>), whose values fill the agenda form.</summary>
    public AgendaItem? Changing { get; private set; }

    public IReadOnlyList<GovernanceAction> Actions { get; private set; } = [];

    public IReadOnlyList<BoardMember> Members { get; private set; } = [];

    public IReadOnlyList<Safeguard.Organisations.Agency> Agencies { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public RecordForm Record { get; set; } = new();

    [BindProperty]
    public AgendaForm AgendaItem { get; set; } = new();

    [BindProperty]
    public DecisionForm Decision { get; set; } = new();

    [BindProperty]
    public ActionForm Action { get; set; } = new();

    [BindProperty]
    public ActionUpdateForm Update { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? item, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (item is { } itemId)
        {
            Changing = Agenda.FirstOrDefault(i => i.Id == itemId);
            if (Changing is null)
            {
                return NotFound();
            }

            AgendaItem = new AgendaForm
            {
                ItemId = Changing.Id,
                ItemVersion = Changing.Version,
                Title = Changing.Title,
                Presenter = Changing.Presenter,
                PresenterAgencyId = Changing.PresenterAgencyId,
                PaperReference = Changing.PaperReference,
                StartsAt = Changing.StartsAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        return Page();
    }

    public Task<IActionResult> OnPostRecordAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Record", () => meetings.SaveRecordAsync(id, Version, Record.Minutes, Actor, cancellationToken), "The minutes are saved.", cancellationToken);

    /// <summary>Adds an item to the agenda, or changes the one named by the form.</summary>
    public Task<IActionResult> OnPostAgendaAsync(Guid id, CancellationToken cancellationToken)
    {
        var input = new AgendaItemInput(AgendaItem.Title, AgendaItem.Presenter, AgendaItem.PresenterAgencyId, AgendaItem.PaperReference, AgendaItem.StartsAt);
        return AgendaItem.ItemId is { } itemId
            ? ChangeAsync(id, "AgendaItem", () => meetings.ChangeAgendaItemAsync(itemId, AgendaItem.ItemVersion, input, Actor, cancellationToken), "The agenda item is changed.", cancellationToken)
            : ChangeAsync(id, "AgendaItem", () => meetings.AddAgendaItemAsync(id, input, Actor, cancellationToken), "The item is added to the agenda.", cancellationToken);
    }

    public Task<IActionResult> OnPostMoveAsync(Guid id, Guid itemId, int itemVersion, string? direction, CancellationToken cancellationToken) =>
        ChangeAsync(id, "AgendaItem", () => meetings.MoveAgendaItemAsync(itemId, itemVersion, direction == "up", Actor, cancellationToken), "The agenda is reordered.", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(Guid id, Guid itemId, int itemVersion, CancellationToken cancellationToken) =>
        ChangeAsync(id, "AgendaItem", () => meetings.RemoveAgendaItemAsync(itemId, itemVersion, Actor, cancellationToken), "The item is removed from the agenda.", cancellationToken);

    public Task<IActionResult> OnPostAttendanceAsync(Guid id, CancellationToken cancellationToken)
    {
        var entries = new List<AttendanceEntry>();
        foreach (var key in Request.Form.Keys.Where(k => k.StartsWith("Status-", StringComparison.Ordinal)))
        {
            if (Guid.TryParse(key["Status-".Length..], out var memberId))
            {
                entries.Add(new AttendanceEntry(memberId, Enum.TryParse<AttendanceStatus>(Request.Form[key], out var s) ? s : null, Request.Form[$"Deputy-{memberId}"]));
            }
        }

        return ChangeAsync(id, "Attendance", async () =>
        {
            // Members not on the form at all are still expected: add them as unanswered so each is named.
            var expected = await meetings.AttendanceAsync(id, cancellationToken);
            entries.AddRange(expected.Where(r => entries.All(e => e.MemberId != r.Member.Id)).Select(r => new AttendanceEntry(r.Member.Id, null, null)));
            await meetings.RecordAttendanceAsync(id, Version, entries, Actor, cancellationToken);
        }, "The attendance is recorded.", cancellationToken);
    }

    public Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Record", () => meetings.CancelAsync(id, Version, Actor, cancellationToken), "The meeting is cancelled.", cancellationToken);

    public Task<IActionResult> OnPostDecisionAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Decision", () => meetings.AddDecisionAsync(id, Decision.AgendaItemId, Decision.Text, Actor, cancellationToken), "The decision is recorded.", cancellationToken);

    public Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken cancellationToken)
    {
        var due = ReadDate("Action.DueOn", "due date");
        return ChangeAsync(id, "Action", () => meetings.AddActionAsync(id, new NewAction(Action.Description, Action.OwnerMemberId, Action.Owner, Action.OwningAgencyId, due, Action.AgendaItemId), Actor, cancellationToken), "The action is on the board's log.", cancellationToken);
    }

    public Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Update", () => Update.TryRead(out var actionId, out var version)
            ? meetings.UpdateActionAsync(actionId, version, Update.Status, Update.Text, Actor, asOwner: false, cancellationToken)
            : throw new SafeguardValidationException("Action", "Select the action"), "The action is updated.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, string prefix, Func<Task> change, string notice, CancellationToken cancellationToken)
    {
        if (await meetings.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (await TryChangeAsync(change, prefix))
        {
            Notice = notice;
            return Redirect($"/governance/meetings/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await meetings.GetAsync(id, cancellationToken) is not { } meeting)
        {
            return false;
        }

        Meeting = meeting;
        Board = (await boards.GetAsync(meeting.BoardId, cancellationToken))!;
        Today = UkTime.Today(time);
        if (!Request.HasFormContentType)
        {
            Version = meeting.Version;
            Record = new RecordForm { Minutes = meeting.Minutes };
        }

        Agenda = await meetings.AgendaAsync(id, cancellationToken);

        Attendance = await meetings.AttendanceAsync(id, cancellationToken);
        Quoracy = await meetings.QuoracyAsync(id, cancellationToken);
        Decisions = await meetings.DecisionsAsync(id, cancellationToken);
        Actions = await meetings.ActionsAsync(null, id, cancellationToken);
        Members = Attendance.Select(a => a.Member).ToList();
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && a.Phase == null).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return true;
    }

    /// <summary>What the attendance form shows for a member: what was posted, else what is recorded.</summary>
    public string? PostedStatus(AttendanceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Request.HasFormContentType && Request.Form.TryGetValue($"Status-{row.Member.Id}", out var posted) ? posted.ToString() : row.Status?.ToString();
    }

    public string? PostedDeputy(AttendanceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return Request.HasFormContentType && Request.Form.TryGetValue($"Deputy-{row.Member.Id}", out var posted) ? posted.ToString() : row.Attendance?.DeputyName;
    }

    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>The decisions and actions under an agenda item (null: not under one), for the minutes.</summary>
    public IEnumerable<(AgendaItem? Item, List<MeetingDecision> Decisions, List<GovernanceAction> Actions)> ByItem()
    {
        foreach (var item in Agenda)
        {
            yield return (item, Decisions.Where(d => d.AgendaItemId == item.Id).ToList(), Actions.Where(a => a.AgendaItemId == item.Id).OrderBy(a => a.DueOn).ToList());
        }

        var known = Agenda.Select(i => i.Id).ToHashSet();
        yield return (null, Decisions.Where(d => d.AgendaItemId is not { } i || !known.Contains(i)).ToList(), Actions.Where(a => a.AgendaItemId is not { } i || !known.Contains(i)).OrderBy(a => a.DueOn).ToList());
    }

    /// <summary>The agenda can change until the meeting is held or cancelled.</summary>
    public bool AgendaOpen => Meeting.Status == MeetingStatus.Planned;

    public sealed class RecordForm
    {
        public string? Minutes { get; set; }
    }

    public sealed class AgendaForm
    {
        public Guid? ItemId { get; set; }

        public int ItemVersion { get; set; }

        public string? Title { get; set; }

        public string? Presenter { get; set; }

        public Guid? PresenterAgencyId { get; set; }

        public string? PaperReference { get; set; }

        public string? StartsAt { get; set; }
    }

    public sealed class DecisionForm
    {
        public Guid? AgendaItemId { get; set; }

        public string? Text { get; set; }
    }

    public sealed class ActionForm
    {
        public Guid? AgendaItemId { get; set; }

        public string? Description { get; set; }

        public Guid? OwnerMemberId { get; set; }

        public string? Owner { get; set; }

        public Guid? OwningAgencyId { get; set; }
    }
}
