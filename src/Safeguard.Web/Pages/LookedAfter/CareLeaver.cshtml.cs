using Microsoft.AspNetCore.Mvc;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>
/// A young person's care leaver record: their status worked out from the care history, the personal adviser and
/// adult services flag, pathway plans and the next due, and the OC3 information at the 17th to 21st birthdays.
/// </summary>
[RequirePermission("lookedafter.view")]
public sealed class CareLeaverModel(LookedAfterService lookedAfter, CareLeaverService careLeavers, PersonIndex people) : LookedAfterPageModel(lookedAfter, people)
{
    public CareLeaverView View { get; private set; } = default!;

    public bool CanManage => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManageLookedAfter.Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken) || await careLeavers.ForChildAsync(id, Actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}

/// <summary>What the care leaver forms share: they go back to the care leaver record.</summary>
public abstract class CareLeaverPageModel(LookedAfterService lookedAfter, PersonIndex people) : LookedAfterPageModel(lookedAfter, people)
{
    public override string Back => $"/people/{ChildId}/looked-after/care-leaver";
}
