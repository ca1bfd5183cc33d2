using Microsoft.AspNetCore.Mvc;
using Safeguard.PrivateFostering;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.PrivateFostering;

/// <summary>The visit form's fields, as typed.</summary>
public sealed class VisitInput
{
    public string? ChildSeen { get; set; }

    public string? ChildSeenAlone { get; set; }

    public string? VisitedBy { get; set; }

    public string? Notes { get; set; }
}

/// <summary>Record a visit to the privately fostered child.</summary>
[RequirePermission("casework.manage")]
public sealed class VisitModel(PrivateFosteringService service) : ArrangementPageModel(service)
{
    [BindProperty]
    public VisitInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = View.Arrangement.Version;
        Input.VisitedBy = Actor.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var details = new PrivateFosteringVisitDetails(ReadDate("Input.VisitedOn", "date of the visit"), PrivateFosteringForm.Answer(Input.ChildSeen),
            PrivateFosteringForm.Answer(Input.ChildSeenAlone), Input.VisitedBy, Input.Notes);
        return ModelState.IsValid
            ? await SaveAsync(() => Service.RecordVisitAsync(id, Version, details, Actor, cancellationToken), "The visit is recorded.")
            : Page();
    }
}
