using Safeguard.Dataset;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Dataset;

namespace Safeguard.Web.Pages.Returns;

/// <summary>An agency's data returns: what it owes the partnership each quarter, and what it has sent.</summary>
[RequirePermission("dataset.submit")]
public sealed class IndexModel(DataReturnService returns, TimeProvider time) : DatasetPageModel
{
    public IReadOnlyList<DataReturnRequest> Requests { get; private set; } = [];

    public RequestStatus StatusOf(DataReturnRequest request) => DataReturnService.StatusOf(request, Calendar.UkTime.Today(time));

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Requests = Actor.AgencyId is { } agency ? await returns.RequestsForAgencyAsync(agency, cancellationToken) : [];
}
