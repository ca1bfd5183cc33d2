using Microsoft.AspNetCore.Mvc;
using Safeguard.Identity;
using Safeguard.Lado;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Lado;

/// <summary>One allegation with its sections (the person, the children, the referral, the decision, actions, outcome) and a "change" link on each.</summary>
[RequirePermission("lado.view")]
public sealed class AllegationModel(LadoService lado) : SafeguardPageModel
{
    public AllegationView View { get; private set; } = default!;

    public bool CanManage => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ManageLado.Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await lado.GetAsync(id, Actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}

/// <summary>What the decision, actions and closure pages share: the allegation, and its version carried by the form.</summary>
public abstract class AllegationStepModel(LadoService lado) : SafeguardPageModel
{
    protected LadoService Lado { get; } = lado;

    public AllegationView View { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Lado.GetAsync(id, Actor, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }

    /// <summary>Makes the change; a refusal is shown beside its fields (Core's field names are the form's, under Input).</summary>
    protected async Task<IActionResult> SaveAsync(Guid id, Func<Task> change, string notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await TryChangeAsync(change))
        {
            Notice = notice;
            return Redirect($"/lado/allegations/{id}");
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }
}
