using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.ImprovementPlan;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.ImprovementPlan;

/// <summary>Changes a milestone or action: kind, what, due date, owner, status and completion date, from the version read.</summary>
[RequirePermission("assurance.manage")]
public sealed class ChangeActionModel(PlanService plans) : ImprovementPlanPageModel
{
    public Workstream Workstream { get; private set; } = default!;

    public PlanAction Step { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public ActionForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var due = ReadDate("Input.DueOn", "due date");
        var completed = ReadDate("Input.CompletedOn", "completion date");
        var change = new ActionChange(
            Enum.TryParse<PlanActionKind>(Input.Kind, out var kind) ? kind : null,
            Input.Title,
            due,
            Input.OwnerUserId,
            Enum.TryParse<PlanActionStatus>(Input.Status, out var status) ? status : null,
            completed);
        if (await TryChangeAsync(() => plans.ChangeActionAsync(id, Version, change, Actor, cancellationToken)))
        {
            Notice = "The milestone or action is changed.";
            return Redirect($"/assurance/improvement-plan/workstreams/{Workstream.Id}");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var planId = await plans.PlanOfAsync(RatedItemKind.Action, id, cancellationToken);
        if (planId is null || await plans.GetAsync(planId.Value, cancellationToken) is not { } plan)
        {
            return false;
        }

        Workstream = plan.Outcomes.SelectMany(o => o.Workstreams).Single(w => w.Actions.Any(a => a.Id == id));
        Step = Workstream.Actions.Single(a => a.Id == id);
        if (!Request.HasFormContentType)
        {
            Version = Step.Version;
            Input = new ActionForm { Kind = Step.Kind.ToString(), Title = Step.Title, OwnerUserId = Step.OwnerUserId, Status = Step.Status.ToString() };
            PrefillDateInput("Input.DueOn", Step.DueOn);
            PrefillDateInput("Input.CompletedOn", Step.CompletedOn);
        }

        People = PeopleItems(await plans.PeopleAsync(cancellationToken), "Select the owner", Step.OwnerUserId, Step.OwnerName);
        return true;
    }

    public sealed class ActionForm
    {
        public string? Kind { get; set; }

        public string? Title { get; set; }

        public Guid? OwnerUserId { get; set; }

        public string? Status { get; set; }
    }
}
