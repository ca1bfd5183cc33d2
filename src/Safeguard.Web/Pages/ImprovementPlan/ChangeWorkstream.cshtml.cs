using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.ImprovementPlan;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.ImprovementPlan;

/// <summary>Changes a workstream's title, lead (and so lead agency) or impact, from the version read.</summary>
[RequirePermission("assurance.manage")]
public sealed class ChangeWorkstreamModel(PlanService plans) : ImprovementPlanPageModel
{
    public PlanOutcome Outcome { get; private set; } = default!;

    public Workstream Workstream { get; private set; } = default!;

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public WorkstreamForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => plans.ChangeWorkstreamAsync(id, Version, new WorkstreamInput(Input.Title, Input.LeadUserId, Input.Impact), Actor, cancellationToken)))
        {
            Notice = "The workstream is changed.";
            return Redirect($"/assurance/improvement-plan/workstreams/{id}");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var planId = await plans.PlanOfAsync(RatedItemKind.Workstream, id, cancellationToken);
        if (planId is null || await plans.GetAsync(planId.Value, cancellationToken) is not { } plan)
        {
            return false;
        }

        Outcome = plan.Outcomes.Single(o => o.Workstreams.Any(w => w.Id == id));
        Workstream = Outcome.Workstreams.Single(w => w.Id == id);
        if (!Request.HasFormContentType)
        {
            Version = Workstream.Version;
            Input = new WorkstreamForm { Title = Workstream.Title, LeadUserId = Workstream.LeadUserId, Impact = Workstream.Impact };
        }

        People = PeopleItems(await plans.PeopleAsync(cancellationToken), "Select the lead", Workstream.LeadUserId, Workstream.LeadName);
        return true;
    }

    public sealed class WorkstreamForm
    {
        public string? Title { get; set; }

        public Guid? LeadUserId { get; set; }

        public string? Impact { get; set; }
    }
}
