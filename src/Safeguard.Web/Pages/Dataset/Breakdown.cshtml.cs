using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>
/// The drill-down from a computed figure to the records it counted for a quarter. A reader who may see children's
/// records sees each child (a restricted one as "Restricted record" unless named on it), with the listing audited;
/// everyone else sees the counts only.
/// </summary>
[RequirePermission("performance.view")]
public sealed class BreakdownModel(IndicatorDrillDown drillDown, SafeguardDbContext db, TimeProvider time) : DatasetPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Quarter { get; set; }

    /// <summary>Count as at the end of this UK day (yyyy-mm-dd), when given.</summary>
    [BindProperty(SupportsGet = true, Name = "as-at")]
    public string? AsAt { get; set; }

    public IndicatorBreakdownResult? Result { get; private set; }

    public IReadOnlyDictionary<Guid, DrillDownChild>? Children { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var current = ReportingQuarter.Of(UkTime.Today(time));
        var quarter = Year is >= 2000 and <= 2100 && Quarter is >= 1 and <= 4 ? new ReportingYear(Year.Value).Quarter(Quarter.Value) : current;
        (Year, Quarter) = (quarter.Year.StartYear, quarter.Number);
        _ = TryAsAt(AsAt, out var asAt); // a date that cannot be read is ignored, as the dataset page's links never make one
        var found = await drillDown.ForReaderAsync(id, quarter, asAt, Actor, ShowsChildren, cancellationToken: cancellationToken);
        (Result, Children) = found is { } f ? (f.Result, f.Children) : (null, null);
        if (Result is null)
        {
            return await db.Set<Indicator>().AnyAsync(i => i.Id == id, cancellationToken)
                ? RedirectToPage("/Dataset/Index", new { year = quarter.Year.StartYear })
                : NotFound();
        }

        return Page();
    }

    /// <summary>The link to a quarter's drill-down, for the dataset and indicator pages.</summary>
    public static string Link(Guid indicatorId, ReportingQuarter quarter, string? asAt = null) =>
        $"/dataset/indicators/{indicatorId}/breakdown?{Query(quarter, "", asAt)}";

    /// <summary>The link to download a quarter's drill-down as CSV or XLSX.</summary>
    public static string DownloadLink(Guid indicatorId, ReportingQuarter quarter, string format, string? asAt = null) =>
        $"/dataset/indicators/{indicatorId}/breakdown/download?{Query(quarter, $"&format={format}", asAt)}";

    private static string Query(ReportingQuarter quarter, string extra, string? asAt) =>
        $"year={quarter.Year.StartYear}&quarter={quarter.Number}{extra}" + (string.IsNullOrWhiteSpace(asAt) ? "" : $"&as-at={Uri.EscapeDataString(asAt)}");
}
