using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>The missing episodes the officer's force reported, newest first: what was sent, never the child's record.</summary>
[RequirePermission("missing.report")]
public sealed class MissingModel(MissingEpisodeService missing) : SafeguardPageModel
{
    public IReadOnlyList<AgencyEpisodeView> Episodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Episodes = await missing.ReportedByAgencyAsync(Actor, cancellationToken);
}
