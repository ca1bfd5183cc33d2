using Microsoft.AspNetCore.Mvc;
using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Panels;

/// <summary>A panel action, as its owner opens it from their due work: what, for which child, by when; marking it done.</summary>
[RequirePermission("panels.view")]
public sealed class ActionModel(PanelService panels) : SafeguardPageModel
{
    public PanelCaseDetail Detail { get; private set; } = default!;

    public PanelActionView Action { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    public bool CanManage => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManagePanels.Name);

    public bool CanComplete => Action.Action.CompletedAt is null && (CanManage || Action.Action.OwnerUserId == Actor.UserId);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var version = Version;
        if (await TryChangeAsync(() => panels.CompleteActionAsync(id, version, CanManage, Actor, cancellationToken)))
        {
            Notice = "The action is marked done.";
            return Redirect($"/panels/actions/{id}");
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await panels.ActionAsync(id, Actor, cancellationToken) is not { } found)
        {
            return false;
        }

        (Detail, Action) = found;
        Version = Action.Action.Version;
        return true;
    }
}
