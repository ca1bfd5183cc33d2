using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The placement fields of the start and change forms, as typed.</summary>
public class PlacementInput
{
    public string? LegalStatus { get; set; }

    public string? CategoryOfNeed { get; set; }

    public string? PlacementType { get; set; }

    public string? PlacementProvider { get; set; }

    public string? PlacementPostcode { get; set; }

    public string? PlacementUrn { get; set; }

    public string? HomePostcode { get; set; }

    public string? IroUserId { get; set; }
}

/// <summary>Record a child becoming looked after: the first episode of a period of care.</summary>
[RequirePermission("lookedafter.manage")]
public sealed class StartModel(LookedAfterService lookedAfter, PersonIndex people) : LookedAfterPageModel(lookedAfter, people)
{
    [BindProperty]
    public PlacementInput Input { get; set; } = new();

    public List<SelectListItem> Iros { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Iros = await IroItemsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        Iros = await IroItemsAsync(cancellationToken);
        var details = new StartDetails
        {
            StartedOn = ReadDate("Input.StartedOn", "date the child became looked after"),
            LegalStatus = Input.LegalStatus,
            CategoryOfNeed = Input.CategoryOfNeed,
            PlacementType = Input.PlacementType,
            PlacementProvider = Input.PlacementProvider,
            PlacementPostcode = Input.PlacementPostcode,
            PlacementUrn = Input.PlacementUrn,
            HomePostcode = Input.HomePostcode,
            IroUserId = Guid.TryParse(Input.IroUserId, out var iro) ? iro : null,
        };
        return await SaveAsync(() => LookedAfter.StartAsync(id, details, Actor, cancellationToken), $"{ChildName} is recorded as looked after.");
    }
}
