using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Governance;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Governance;

/// <summary>A board: its terms of reference, review date and quorum, its members, its meetings and its action log.</summary>
[RequirePermission("governance.manage")]
public sealed class BoardModel(BoardService boards, MeetingService meetings, SafeguardDbContext db, TimeProvider time) : GovernancePageModel
{
    public Board Board { get; private set; } = default!;

    public IReadOnlyList<Board> Boards { get; private set; } = [];

    public IReadOnlyList<BoardMember> Members { get; private set; } = [];

    public IReadOnlyList<BoardMeeting> Meetings { get; private set; } = [];

    public IReadOnlyDictionary<Guid, int> AgendaCounts { get; private set; } = new Dictionary<Guid, int>();

    public IReadOnlyList<GovernanceAction> Actions { get; private set; } = [];

    public IReadOnlyList<Safeguard.Organisations.Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<User> Users { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public TermsForm Terms { get; set; } = new();

    [BindProperty]
    public MemberForm Member { get; set; } = new();

    [BindProperty]
    public MeetingForm Meeting { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostTermsAsync(Guid id, CancellationToken cancellationToken)
    {
        var review = ReadDate("Terms.ReviewDueOn", "review date");
        return ChangeAsync(id, "Terms", () => boards.ChangeTermsAsync(id, Version, new TermsInput(Terms.TermsOfReference, review, Terms.Quorum, Terms.ParentBoardId), Actor, cancellationToken), "The terms of reference are saved.", cancellationToken);
    }

    public Task<IActionResult> OnPostMemberAsync(Guid id, CancellationToken cancellationToken)
    {
        var start = ReadDate("Member.StartOn", "start date");
        return ChangeAsync(id, "Member", () => boards.AddMemberAsync(id, new NewMember(Member.AgencyId, Member.Name, Member.UserId, Member.Role, Member.DeputyName, start), Actor, cancellationToken), "The member is added.", cancellationToken);
    }

    public Task<IActionResult> OnPostMeetingAsync(Guid id, CancellationToken cancellationToken)
    {
        var heldOn = ReadDate("Meeting.HeldOn", "meeting date");
        return ChangeAsync(id, "Meeting", () => meetings.ArrangeAsync(id, heldOn, Meeting.Agenda, Actor, cancellationToken), "The meeting is arranged: members see it on their agency's pages.", cancellationToken);
    }

    private async Task<IActionResult> ChangeAsync(Guid id, string prefix, Func<Task> change, string notice, CancellationToken cancellationToken)
    {
        if (await boards.GetAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (await TryChangeAsync(change, prefix))
        {
            Notice = notice;
            return Redirect($"/governance/boards/{id}");
        }

        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await boards.GetAsync(id, cancellationToken) is not { } board)
        {
            return false;
        }

        Board = board;
        Today = UkTime.Today(time);
        if (!Request.HasFormContentType)
        {
            Version = board.Version;
            Terms = new TermsForm { TermsOfReference = board.TermsOfReference, Quorum = board.Quorum, ParentBoardId = board.ParentBoardId };
            PrefillDateInput("Terms.ReviewDueOn", board.TermsReviewDueOn);
        }

        Boards = await boards.BoardsAsync(cancellationToken);
        Members = await boards.MembersAsync(id, cancellationToken);
        Meetings = await meetings.MeetingsAsync(id, cancellationToken);
        AgendaCounts = await meetings.AgendaCountsAsync(Meetings.Select(m => m.Id).ToList(), cancellationToken);
        Actions = await meetings.ActionsAsync(id, cancellationToken: cancellationToken);
        Agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive && a.Phase == null).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        Users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled).OrderBy(u => u.DisplayName).ToListAsync(cancellationToken);
        return true;
    }

    public sealed class TermsForm
    {
        public string? TermsOfReference { get; set; }

        public int? Quorum { get; set; }

        public Guid? ParentBoardId { get; set; }
    }

    public sealed class MemberForm
    {
        public Guid? AgencyId { get; set; }

        public string? Name { get; set; }

        public Guid? UserId { get; set; }

        public string? Role { get; set; }

        public string? DeputyName { get; set; }
    }

    public sealed class MeetingForm
    {
        public string? Agenda { get; set; }
    }
}
