using Microsoft.AspNetCore.Mvc;
using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Contextual;

/// <summary>A place: what is known of it, the people linked to it and its network.</summary>
[RequirePermission("contextual.view")]
public sealed class LocationModel(ContextualService contextual) : SafeguardPageModel
{
    public LocationView View { get; private set; } = default!;

    public bool CanManage => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManageContextual.Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await contextual.LocationAsync(id, Actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
