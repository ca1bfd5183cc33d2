using Microsoft.AspNetCore.Mvc;
using Safeguard.ImprovementPlan;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.ImprovementPlan;

/// <summary>The partnership's improvement plans, newest first, and starting a new one.</summary>
[RequirePermission("assurance.manage")]
public sealed class IndexModel(PlanService plans) : ImprovementPlanPageModel
{
    public IReadOnlyList<Plan> Plans { get; private set; } = [];

    [BindProperty]
    public NewPlanForm Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Plans = await plans.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var starts = ReadDate("Input.StartsOn", "start date");
        var ends = ReadDate("Input.EndsOn", "end date");
        Plan? created = null;
        if (await TryChangeAsync(async () => created = await plans.CreateAsync(new NewPlan(Input.Title, starts, ends, Enum.TryParse<ReportingFrequency>(Input.Frequency, out var f) ? f : null), Actor, cancellationToken)))
        {
            Notice = "The plan is started. Add its outcomes.";
            return Redirect($"/assurance/improvement-plan/{created!.Id}");
        }

        Plans = await plans.ListAsync(cancellationToken);
        return Page();
    }

    public sealed class NewPlanForm
    {
        public string? Title { get; set; }

        public string? Frequency { get; set; }
    }
}
