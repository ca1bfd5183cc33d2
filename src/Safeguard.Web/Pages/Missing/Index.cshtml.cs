using Microsoft.AspNetCore.Mvc;
using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Missing;

/// <summary>Missing children: who is missing now, the return home interviews to offer (oldest clock first, paged), police reports to identify and the last 30 days' returns (paged).</summary>
[RequirePermission("missing.view")]
public sealed class IndexModel(MissingEpisodeService missing) : SafeguardPageModel
{
    /// <summary>The page of return home interviews to offer.</summary>
    [BindProperty(SupportsGet = true, Name = "page")]
    public int InterviewsPage { get; set; } = 1;

    /// <summary>The page of the last 30 days' returns.</summary>
    [BindProperty(SupportsGet = true, Name = "recent")]
    public int RecentPage { get; set; } = 1;

    public MissingOverview Overview { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Overview = await missing.OverviewAsync(Actor, new MissingOverviewPages(InterviewsPage, RecentPage), cancellationToken);
}
