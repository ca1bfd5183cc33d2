using Safeguard.EarlyHelp;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>The open early help episodes the user's agency leads or is in the team around the family of, due reviews first.</summary>
[RequirePermission("earlyhelp.agency")]
public sealed class EarlyHelpModel(EarlyHelpService earlyHelp) : SafeguardPageModel
{
    public IReadOnlyList<EarlyHelpListItem> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Items = await earlyHelp.ListAsync(new EarlyHelpListQuery(), partner: true, Actor, cancellationToken);
}
