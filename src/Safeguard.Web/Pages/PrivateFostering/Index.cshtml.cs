using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.PrivateFostering;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.PrivateFostering;

/// <summary>Private fostering arrangements: open ones with the next visit due first (overdue at the top), then ended ones; this year's figures.</summary>
[RequirePermission("children.view")]
public sealed class IndexModel(PrivateFosteringService service, PrivateFosteringFigures figures, TimeProvider time) : SafeguardPageModel
{
    public IReadOnlyList<ArrangementRow> Rows { get; private set; } = [];

    public PrivateFosteringYear Year { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Rows = await service.ListAsync(Actor, cancellationToken);
        var year = ReportingYear.Of(UkTime.Today(time));
        Year = await figures.ForPeriodAsync(year.Start, year.End, cancellationToken);
    }
}
