using Safeguard.FrontDoor;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.FrontDoor;

/// <summary>The front door queue: contacts awaiting a decision, oldest first, with the time left on the 1-working-day clock.</summary>
[RequirePermission("frontdoor.view")]
public sealed class IndexModel(ContactService contacts) : SafeguardPageModel
{
    public IReadOnlyList<QueueItem> Queue { get; private set; } = [];

    public bool CanDecide => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.DecideContacts.Name);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Queue = await contacts.QueueAsync(cancellationToken);
}
