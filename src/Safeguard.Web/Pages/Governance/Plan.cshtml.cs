using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.Governance;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Governance;

/// <summary>The business plan: the partnership's priorities for a year, each owned by a subgroup and delivered through an improvement plan workstream (linked both ways).</summary>
[RequirePermission("governance.manage")]
public sealed class PlanModel(BoardService boards, TimeProvider time) : GovernancePageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>The priority being changed (from its "Change" link).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    public ReportingYear Shown { get; private set; }

    public IReadOnlyList<BusinessPriority> Priorities { get; private set; } = [];

    public IReadOnlyList<Board> Boards { get; private set; } = [];

    /// <summary>The improvement plans' workstreams a priority can name.</summary>
    public IReadOnlyList<WorkstreamChoice> Workstreams { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public PriorityForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Priorities.FirstOrDefault(p => p.Id == Edit) is { } editing)
        {
            Version = editing.Version;
            Input = new PriorityForm { Title = editing.Title, Description = editing.Description, OwnerBoardId = editing.OwnerBoardId, WorkstreamId = editing.WorkstreamId, ImprovementPlanNote = editing.ImprovementPlanNote };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (await TryChangeAsync(() => boards.SavePriorityAsync(new PriorityInput(Edit, Shown.StartYear, Input.Title, Input.Description, Input.OwnerBoardId, Input.WorkstreamId, Input.ImprovementPlanNote), Version, Actor, cancellationToken)))
        {
            Notice = Edit is null ? "The priority is added to the plan." : "The priority is changed.";
            return Redirect($"/governance/plan?year={Shown.StartYear}");
        }

        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Shown = ChosenYear(Year, time);
        Priorities = await boards.PlanAsync(Shown, cancellationToken);
        Boards = await boards.BoardsAsync(cancellationToken);
        Workstreams = await boards.WorkstreamChoicesAsync(cancellationToken);
    }

    public sealed class PriorityForm
    {
        public string? Title { get; set; }

        public string? Description { get; set; }

        public Guid? OwnerBoardId { get; set; }

        public Guid? WorkstreamId { get; set; }

        public string? ImprovementPlanNote { get; set; }
    }
}
