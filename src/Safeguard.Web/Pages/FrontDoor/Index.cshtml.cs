using Safeguard.ComplexSafeguarding;
using Safeguard.FrontDoor;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.FrontDoor;

/// <summary>
/// The front door queue: contacts awaiting a decision, oldest first, with the time left on the 1-working-day clock;
/// and, for those who see missing episodes, the return home interviews not yet offered against their 72-hour clock.
/// </summary>
[RequirePermission("frontdoor.view")]
public sealed class IndexModel(ContactService contacts, MissingEpisodeService missing) : SafeguardPageModel
{
    public IReadOnlyList<QueueItem> Queue { get; private set; } = [];

    /// <summary>Null when the user does not see missing episodes.</summary>
    public IReadOnlyList<EpisodeView>? InterviewsDue { get; private set; }

    public bool CanDecide => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.DecideContacts.Name);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Queue = await contacts.QueueAsync(cancellationToken);
        if (User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ViewMissing.Name))
        {
            InterviewsDue = (await missing.OverviewAsync(Actor, cancellationToken)).InterviewsDue;
        }
    }
}
