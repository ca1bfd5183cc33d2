using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.EarlyHelp;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.EarlyHelp;

/// <summary>A reporting year's early help figures by quarter, in aggregate (no child is named): activity, the lead-professional share by agency and outcomes.</summary>
[RequirePermission("earlyhelp.view")]
public sealed class FiguresModel(EarlyHelpFiguresService figures, Persistence.SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public EarlyHelpYearFigures Figures { get; private set; } = default!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = ReportingYear.Of(Calendar.UkTime.Today(db.Time));
        var year = current;
        if (!string.IsNullOrWhiteSpace(Year))
        {
            if (int.TryParse(Year, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) && y >= 2000 && y <= current.StartYear)
            {
                year = new ReportingYear(y);
            }
            else
            {
                ModelState.AddModelError(nameof(Year), $"Enter a year from 2000 to {current.StartYear}");
            }
        }

        Year = year.StartYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Figures = await figures.ForYearAsync(year, Actor, cancellationToken);
    }
}
