using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Shared;

namespace Safeguard.Web.Pages.Missing;

/// <summary>
/// Missing children: who is missing now, the return home interviews to offer (oldest clock first, paged by
/// <c>page</c>), police reports to identify and the last 30 days' returns (paged by <c>recent</c>).
/// </summary>
[RequirePermission("missing.view")]
public sealed class IndexModel(MissingEpisodeService missing) : SafeguardPageModel
{
    public MissingOverview Overview { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // "page" is also Razor Pages' route value for the page's name, so it is read from the query string, as the other lists do.
        var recent = int.TryParse(Request.Query["recent"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 1;
        Overview = await missing.OverviewAsync(Actor, new MissingOverviewPages(ListLinks.PageNumber(Request), recent), cancellationToken);
    }
}
