using Microsoft.AspNetCore.Mvc;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Governance;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Governance;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>
/// A board member's view, for any user who sits on a board or subgroup: their boards, the coming meetings (send apologies
/// or name the deputy who will come), the last year's meetings with their decisions and minutes, and the actions they own
/// (update them). A user who is on no board sees that they are on none.
/// </summary>
[RequirePermission("service.use")]
public sealed class MeetingsModel(MeetingService meetings, TimeProvider time) : SafeguardPageModel
{
    public IReadOnlyList<(Board Board, BoardMember Member)> Memberships { get; private set; } = [];

    public IReadOnlyList<(BoardMeeting Meeting, Board Board, BoardMember Member, MeetingAttendance? Attendance)> Coming { get; private set; } = [];

    public IReadOnlyList<(BoardMeeting Meeting, Board Board, IReadOnlyList<MeetingDecision> Decisions)> Past { get; private set; } = [];

    public IReadOnlyList<GovernanceAction> Actions { get; private set; } = [];

    /// <summary>The agenda items of the coming and past meetings shown.</summary>
    public IReadOnlyDictionary<Guid, List<AgendaItem>> Agendas { get; private set; } = new Dictionary<Guid, List<AgendaItem>>();

    public IReadOnlyList<AgendaItem> AgendaOf(BoardMeeting meeting) => Agendas.TryGetValue(meeting?.Id ?? Guid.Empty, out var items) ? items : [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public ActionUpdateForm Update { get; set; } = new();

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostApologiesAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var deputy = Request.Form[$"Deputy-{meetingId}"].ToString();
        try
        {
            await meetings.SendApologiesAsync(meetingId, deputy, Actor, cancellationToken);
            Notice = string.IsNullOrWhiteSpace(deputy) ? "Your apologies are sent." : $"Your apologies are sent: {deputy.Trim()} will come in your place.";
            return Redirect("/my-agency/meetings");
        }
        catch (SafeguardValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                ModelState.AddModelError($"Deputy-{meetingId}", problem.Message);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(CancellationToken cancellationToken)
    {
        if (await TryChangeAsync(() => Update.TryRead(out var actionId, out var version)
            ? meetings.UpdateActionAsync(actionId, version, Update.Status, Update.Text, Actor, asOwner: true, cancellationToken)
            : throw new SafeguardValidationException("Action", "Select the action"), "Update"))
        {
            Notice = "Your action is updated.";
            return Redirect("/my-agency/meetings");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = UkTime.Today(time);
        Memberships = await meetings.MembershipsAsync(Actor, cancellationToken);
        var all = await meetings.MemberMeetingsAsync(Actor, Today.AddYears(-1), cancellationToken);
        Coming = all.Where(m => m.Meeting.Status == MeetingStatus.Planned && m.Meeting.HeldOn >= Today).ToList();
        var past = new List<(BoardMeeting, Board, IReadOnlyList<MeetingDecision>)>();
        foreach (var m in all.Where(m => m.Meeting.Status == MeetingStatus.Held).OrderByDescending(m => m.Meeting.HeldOn))
        {
            past.Add((m.Meeting, m.Board, await meetings.DecisionsAsync(m.Meeting.Id, cancellationToken)));
        }

        Past = past;
        Agendas = await meetings.AgendasAsync([.. Coming.Select(m => m.Meeting.Id), .. past.Select(p => p.Item1.Id)], cancellationToken);
        Actions = await meetings.MyActionsAsync(Actor, cancellationToken);
    }
}
