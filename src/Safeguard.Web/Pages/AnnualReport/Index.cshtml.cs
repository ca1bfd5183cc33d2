using Safeguard.AnnualReport;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.AnnualReport;

/// <summary>The reporting years (the current one and the two before) with where each year's report is.</summary>
[RequirePermission("annualreport.manage")]
public sealed class IndexModel(AnnualReportService reports, TimeProvider time) : AnnualReportPageModel
{
    public IReadOnlyList<(ReportingYear Year, AnnualReportEdition? Edition)> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var years = new List<(ReportingYear, AnnualReportEdition?)>();
        foreach (var year in RecentYears(UkTime.Today(time)))
        {
            years.Add((year, await reports.EditionAsync(year, cancellationToken)));
        }

        Years = years;
    }
}
