using Safeguard.FrontDoor;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.FrontDoor;

/// <summary>The information-sharing log: every decision to share or not, newest first.</summary>
[RequirePermission("frontdoor.view")]
public sealed class SharingModel(InformationSharingLog log) : SafeguardPageModel
{
    public IReadOnlyList<ShareView> Entries { get; private set; } = [];

    public bool CanRecord => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.DecideContacts.Name);

    public async Task OnGetAsync(Guid? contact, Guid? person, CancellationToken cancellationToken) =>
        Entries = await log.ListAsync(contact, person, Actor, cancellationToken);
}
