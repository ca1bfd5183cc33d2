using Microsoft.AspNetCore.Mvc;
using Safeguard.Identity;
using Safeguard.Lado;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Shared;
using Safeguard.Work;

namespace Safeguard.Web.Pages.Lado;

/// <summary>The LADO's list: allegations (open by default) with their due dates, overdue first, filtered, 50 a page (<c>?page=2</c>); and the front door's referrals waiting.</summary>
[RequirePermission("lado.view")]
public sealed class IndexModel(LadoService lado) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sector { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Worker { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public ListPage<AllegationView> Results { get; private set; } = new([], 0, 1, ListPage.DefaultPageSize);

    /// <summary>The referrals waiting longest (up to 50) and how many wait in all.</summary>
    public ListPage<WaitingReferral> Waiting { get; private set; } = new([], 0, 1, ListPage.DefaultPageSize);

    public bool CanManage => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ManageLado.Name);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var filter = new AllegationFilter
        {
            Status = LadoForm.Parse<AllegationStatus>(Status) ?? AllegationStatus.Open,
            Sector = LadoForm.Parse<LadoSector>(Sector),
            Category = LadoForm.Parse<LadoCategory>(Category),
            Worker = Worker,
            OverdueOnly = Overdue,
        };
        Results = await lado.ListPageAsync(filter, Actor, ListLinks.PageNumber(Request), cancellationToken: cancellationToken);
        Waiting = await lado.WaitingReferralsPageAsync(Actor, cancellationToken: cancellationToken);
    }
}
