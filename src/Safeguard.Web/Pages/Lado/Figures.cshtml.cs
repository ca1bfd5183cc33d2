using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.Lado;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Lado;

/// <summary>The LADO's annual figures for the annual report: by sector, category, decision and outcome (aggregates only).</summary>
[RequirePermission("lado.figures")]
public sealed class FiguresModel(LadoService lado, TimeProvider time) : SafeguardPageModel
{
    /// <summary>The first calendar year of the reporting year (2021 for 2021-22).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public LadoFigures Figures { get; private set; } = default!;

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = ReportingYear.Of(Calendar.UkTime.Today(time)).StartYear;
        Years = [.. Enumerable.Range(current - 5, 6).Reverse()];
        var year = Year is { } y && y >= 2000 && y <= current ? y : current;
        Year = year;
        Figures = await lado.FiguresAsync(year, Actor, cancellationToken);
    }
}
