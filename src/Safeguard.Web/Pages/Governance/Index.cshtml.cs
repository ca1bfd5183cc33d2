using Microsoft.AspNetCore.Mvc;
using Safeguard.Calendar;
using Safeguard.Governance;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Governance;

/// <summary>The business unit's governance home: the partnership's boards and subgroups, adding one, and links to the figures and business plan.</summary>
[RequirePermission("governance.manage")]
public sealed class IndexModel(BoardService boards, TimeProvider time) : GovernancePageModel
{
    public IReadOnlyList<Board> Boards { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public BoardForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = UkTime.Today(time);
        Boards = await boards.BoardsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Board? created = null;
        if (await TryChangeAsync(async () => created = await boards.CreateAsync(new NewBoard(Input.Name, Input.Kind, Input.ParentBoardId, Input.Quorum), Actor, cancellationToken)))
        {
            Notice = $"{created!.Name} is added. Set its terms of reference and members.";
            return Redirect($"/governance/boards/{created.Id}");
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public sealed class BoardForm
    {
        public string? Name { get; set; }

        public BoardKind? Kind { get; set; }

        public Guid? ParentBoardId { get; set; }

        public int? Quorum { get; set; }
    }
}
