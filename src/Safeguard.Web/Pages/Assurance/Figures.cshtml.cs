using Microsoft.AspNetCore.Mvc;
using Safeguard.Assurance;
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
        var year = ChosenYear(Year, time);
        Figures = await figures.ForYearAsync(year, cancellationToken);
    }
}
