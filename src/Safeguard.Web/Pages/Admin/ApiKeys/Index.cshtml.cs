using Safeguard.ApiClients;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.ApiKeys;

/// <summary>The API clients: their agency, permissions and key prefix, and whether revoked.</summary>
[RequirePermission("admin.apiclients")]
public sealed class IndexModel(ApiClientAdministration clients) : SafeguardPageModel
{
    public IReadOnlyList<ApiClientSummary> Clients { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Clients = await clients.ListAsync(cancellationToken);
}
