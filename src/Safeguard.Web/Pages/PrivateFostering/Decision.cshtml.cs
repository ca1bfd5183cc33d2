using Microsoft.AspNetCore.Mvc;
using Safeguard.PrivateFostering;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.PrivateFostering;

/// <summary>The decision form's fields, as typed.</summary>
public sealed class DecisionInput
{
    public string? Decision { get; set; }

    public string? DecisionReason { get; set; }
}

/// <summary>Record (or change) the assessment's decision: suitable, or not suitable with the reason.</summary>
[RequirePermission("casework.manage")]
public sealed class DecisionModel(PrivateFosteringService service) : ArrangementPageModel(service)
{
    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var a = View.Arrangement;
        (Version, Input.Decision, Input.DecisionReason) = (a.Version, a.Decision?.ToString(), a.DecisionReason);
        PrefillDateInput("Input.DecidedOn", a.DecidedOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var on = ReadDate("Input.DecidedOn", "date of the decision");
        var decision = PrivateFosteringForm.Parse<PrivateFosteringDecision>(Input.Decision);
        return ModelState.IsValid
            ? await SaveAsync(() => Service.DecideAsync(id, Version, on, decision, Input.DecisionReason, Actor, cancellationToken), "The decision is recorded.")
            : Page();
    }
}
