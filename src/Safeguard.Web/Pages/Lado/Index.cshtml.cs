using Microsoft.AspNetCore.Mvc;
using Safeguard.Identity;
using Safeguard.Lado;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Lado;

/// <summary>The LADO's list: allegations (open by default) with their due dates, overdue first, filtered; and the front door's referrals waiting.</summary>
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

    public IReadOnlyList<AllegationView> Allegations { get; private set; } = [];

    public IReadOnlyList<WaitingReferral> Waiting { get; private set; } = [];

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
        Allegations = await lado.ListAsync(filter, Actor, cancellationToken);
        Waiting = await lado.WaitingReferralsAsync(Actor, cancellationToken);
    }
}
