using Microsoft.AspNetCore.Mvc;
using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Contextual;

/// <summary>The places and groups, with a search of places by name or postcode.</summary>
[RequirePermission("contextual.view")]
public sealed class IndexModel(ContextualService contextual) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    public IReadOnlyList<PlaceSummary> Places { get; private set; } = [];

    public IReadOnlyList<PlaceSummary> Groups { get; private set; } = [];

    public bool CanManage => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManageContextual.Name);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Places = await contextual.LocationsAsync(Search, cancellationToken);
        Groups = await contextual.GroupsAsync(cancellationToken);
    }
}
