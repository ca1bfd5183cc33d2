using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Missing;

/// <summary>Missing children: who is missing now, the return home interviews to offer (oldest clock first), police reports to identify and the last 30 days' returns.</summary>
[RequirePermission("missing.view")]
public sealed class IndexModel(MissingEpisodeService missing) : SafeguardPageModel
{
    public MissingOverview Overview { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Overview = await missing.OverviewAsync(Actor, cancellationToken);
}
