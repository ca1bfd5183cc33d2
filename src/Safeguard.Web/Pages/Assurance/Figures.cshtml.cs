using Microsoft.AspNetCore.Mvc;
using Safeguard.Assurance;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Assurance;

/// <summary>A programme year's audit figures for the annual report: audits completed, return rates, grades and moderation.</summary>
[RequirePermission("assurance.manage")]
public sealed class FiguresModel(AuditFigures figures, TimeProvider time) : AssurancePageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public AuditAnnualFigures Figures { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var year = Year is { } y && y > 2000 && y < 2100 ? new ReportingYear(y) : ReportingYear.Of(UkTime.Today(time));
        Figures = await figures.ForYearAsync(year, cancellationToken);
    }
}
