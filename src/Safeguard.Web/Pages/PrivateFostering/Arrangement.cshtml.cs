using Microsoft.AspNetCore.Mvc;
using Safeguard.PrivateFostering;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.PrivateFostering;

/// <summary>One arrangement: the notification, each visit due and made, the decision and the end.</summary>
[RequirePermission("children.view")]
public sealed class ArrangementModel(PrivateFosteringService service) : SafeguardPageModel
{
    public ArrangementView View { get; private set; } = default!;

    public bool CanChange => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManageCasework.Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await service.GetAsync(id, Actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
