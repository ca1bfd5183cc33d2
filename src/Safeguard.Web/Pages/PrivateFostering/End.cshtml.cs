using Microsoft.AspNetCore.Mvc;
using Safeguard.PrivateFostering;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.PrivateFostering;

/// <summary>The end form's fields, as typed.</summary>
public sealed class EndInput
{
    public string? EndReason { get; set; }

    public string? EndNote { get; set; }
}

/// <summary>Record the end of the arrangement with its reason.</summary>
[RequirePermission("casework.manage")]
public sealed class EndModel(PrivateFosteringService service) : ArrangementPageModel(service)
{
    [BindProperty]
    public EndInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = View.Arrangement.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var on = ReadDate("Input.EndedOn", "date the arrangement ended");
        var reason = PrivateFosteringForm.Parse<PrivateFosteringEndReason>(Input.EndReason);
        return ModelState.IsValid
            ? await SaveAsync(() => Service.EndAsync(id, Version, on, reason, Input.EndNote, Actor, cancellationToken), "The end of the arrangement is recorded.")
            : Page();
    }
}
