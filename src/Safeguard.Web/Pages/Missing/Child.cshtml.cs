using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.ComplexSafeguarding;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Missing;

/// <summary>A child's missing episodes, newest first, with the repeat-missing flag and each interview's clock.</summary>
[RequirePermission("missing.view")]
public sealed class ChildModel(MissingEpisodeService missing, PersonIndex people) : SafeguardPageModel
{
    public ChildMissingView View { get; private set; } = default!;

    public string ChildName { get; private set; } = "";

    public Guid ChildId { get; private set; }

    public bool CanManage => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManageMissing.Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var child = await people.Visible(Actor).Where(p => p.Id == id && p.Kind == PersonKind.Child)
            .Select(p => new { p.Id, p.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        if (child is null || await missing.ForChildAsync(id, Actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        (ChildId, ChildName, View) = (child.Id, child.DisplayName, view);
        return Page();
    }
}
