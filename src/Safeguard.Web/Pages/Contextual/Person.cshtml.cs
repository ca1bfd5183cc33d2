using Microsoft.AspNetCore.Mvc;
using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Contextual;

/// <summary>A person's links to places, people and groups, and their network picture.</summary>
[RequirePermission("contextual.view")]
public sealed class PersonModel(ContextualService contextual) : SafeguardPageModel
{
    public PersonLinksView View { get; private set; } = default!;

    public bool CanManage => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManageContextual.Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await contextual.ForPersonAsync(id, Actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
