using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Identity;
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

    /// <summary>The reader may see children's records, so the children are listed.</summary>
    public bool ShowsChildren => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ViewPeople.Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var current = ReportingQuarter.Of(UkTime.Today(time));
        var quarter = Year is >= 2000 and <= 2100 && Quarter is >= 1 and <= 4 ? new ReportingYear(Year.Value).Quarter(Quarter.Value) : current;
        (Year, Quarter) = (quarter.Year.StartYear, quarter.Number);
        DateTimeOffset? asAt = !string.IsNullOrWhiteSpace(AsAt) && DateOnly.TryParseExact(AsAt.Trim(), "yyyy-MM-dd", EnGb, System.Globalization.DateTimeStyles.None, out var date)
            ? UkTime.EndOfDay(date)
            : null;
        if (ShowsChildren)
        {
            var listed = await drillDown.WithChildrenAsync(id, quarter, asAt, Actor, cancellationToken);
            (Result, Children) = listed is { } l ? (l.Result, l.Children) : (null, null);
        }
        else
        {
            Result = await drillDown.CountsAsync(id, quarter, asAt, cancellationToken);
        }

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
        $"/dataset/indicators/{indicatorId}/breakdown?year={quarter.Year.StartYear}&quarter={quarter.Number}" + (string.IsNullOrWhiteSpace(asAt) ? "" : $"&as-at={Uri.EscapeDataString(asAt)}");

    public static string Describe(FigureKind kind) => kind switch
    {
        FigureKind.Count => "a count of the records below",
        FigureKind.Percentage => "the records in the numerator as a percentage of all the records below",
        FigureKind.AverageWorkingDays => "the average working days taken over the records below",
        _ => "the records below per 10,000 children (the child population, 1.3)",
    };
}
