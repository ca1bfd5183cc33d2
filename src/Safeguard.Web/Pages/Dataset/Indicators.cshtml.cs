using Safeguard.Dataset;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>The indicator catalogue: every indicator with its definition, source, supplier and aggregation.</summary>
[RequirePermission("dataset.manage")]
public sealed class IndicatorsModel(IndicatorAdministration administration) : DatasetPageModel
{
    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Indicators = await administration.ListAsync(cancellationToken);
}
