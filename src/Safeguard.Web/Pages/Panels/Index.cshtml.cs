using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Panels;

/// <summary>The panel's meetings, newest first, and the criteria its agendas are built from.</summary>
[RequirePermission("panels.view")]
public sealed class IndexModel(PanelService panels) : SafeguardPageModel
{
    public IReadOnlyList<PanelMeetingSummary> Meetings { get; private set; } = [];

    public IReadOnlyList<string> Criteria => [.. panels.Criteria.Select(c => c.Name)];

    public bool CanManage => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManagePanels.Name);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Meetings = await panels.MeetingsAsync(cancellationToken);
}
