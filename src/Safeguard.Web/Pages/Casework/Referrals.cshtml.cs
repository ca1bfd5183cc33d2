using Safeguard.FrontDoor;
using Safeguard.Identity;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>
/// The referrals the front door has handed on that are not open yet, across the area, oldest decision first:
/// what a team manager allocates from, each with the way on to the referral form filled from its contact.
/// </summary>
[RequirePermission("children.view")]
public sealed class ReferralsModel(ReferralsWaiting waiting) : SafeguardPageModel
{
    public IReadOnlyList<WaitingReferral> Rows { get; private set; } = [];

    public bool CanManage => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ManageCasework.Name);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Rows = await waiting.ListAsync(Actor, cancellationToken);
}
