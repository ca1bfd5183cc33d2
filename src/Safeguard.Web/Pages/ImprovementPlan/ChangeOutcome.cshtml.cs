using Microsoft.AspNetCore.Mvc;
using Safeguard.ImprovementPlan;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.ImprovementPlan;

/// <summary>Changes an outcome's number, wording or theme, from the version read.</summary>
[RequirePermission("assurance.manage")]
public sealed class ChangeOutcomeModel(PlanService plans) : ImprovementPlanPageModel
{
    public Plan Plan { get; private set; } = default!;

    public PlanOutcome Outcome { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public OutcomeForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => plans.ChangeOutcomeAsync(id, Version, new OutcomeInput(Input.Number, Input.Title, Input.Theme), Actor, cancellationToken)))
        {
            Notice = $"Outcome {Input.Number} is changed.";
            return Redirect($"/assurance/improvement-plan/outcomes/{id}");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var planId = await plans.PlanOfAsync(RatedItemKind.Outcome, id, cancellationToken);
        if (planId is null || await plans.GetAsync(planId.Value, cancellationToken) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        Outcome = plan.Outcomes.Single(o => o.Id == id);
        if (!Request.HasFormContentType)
        {
            Version = Outcome.Version;
            Input = new OutcomeForm { Number = Outcome.Number, Title = Outcome.Title, Theme = Outcome.Theme };
        }

        return true;
    }

    public sealed class OutcomeForm
    {
        public int? Number { get; set; }

        public string? Title { get; set; }

        public string? Theme { get; set; }
    }
}
