using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Governance;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Governance;

/// <summary>A board member: change their role and named deputy, or end their membership.</summary>
[RequirePermission("governance.manage")]
public sealed class MemberModel(BoardService boards, SafeguardDbContext db) : GovernancePageModel
{
    public BoardMember Member { get; private set; } = default!;

    public Board Board { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public ChangeForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var end = ReadDate("Input.EndOn", "last day of membership");
        if (await TryChangeAsync(() => boards.ChangeMemberAsync(id, Version, new MemberChange(Input.Role, Input.DeputyName, end), Actor, HttpContext.RequestAborted)))
        {
            Notice = $"{Member.Name}'s membership is changed.";
            return Redirect($"/governance/boards/{Member.BoardId}");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Set<BoardMember>().AsNoTracking().Include(m => m.Agency).FirstOrDefaultAsync(m => m.Id == id, cancellationToken) is not { } member)
        {
            return false;
        }

        Member = member;
        Board = (await boards.GetAsync(member.BoardId, cancellationToken))!;
        if (!Request.HasFormContentType)
        {
            Version = member.Version;
            Input = new ChangeForm { Role = member.Role, DeputyName = member.DeputyName };
            PrefillDateInput("Input.EndOn", member.EndOn);
        }

        return true;
    }

    public sealed class ChangeForm
    {
        public string? Role { get; set; }

        public string? DeputyName { get; set; }
    }
}
