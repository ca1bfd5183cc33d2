using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>One dashboard table as a workbook: the indicator by year and quarter, with each gap's reason, as known now or as at a date.</summary>
[RequirePermission("performance.view")]
public sealed class DashboardDownloadModel(DashboardService dashboard, TimeProvider time) : PageModel
{
    public static readonly IReadOnlyList<string> Headings = ["Year", "Q1", "Q2", "Q3", "Q4", "Whole year", "Gaps"];

    public async Task<IActionResult> OnGetAsync(string? indicator, int? year, [FromQuery(Name = "as-at")] string? asAt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(indicator))
        {
            return BadRequest("indicator is needed, for example indicator=5.2");
        }

        if (!DatasetPageModel.TryAsAt(asAt, out var at))
        {
            return BadRequest(DatasetPageModel.AsAtBadRequestMessage);
        }

        var reportingYear = SafeguardPageModel.YearOr(year, ReportingYear.Of(UkTime.Today(time)));
        var result = await dashboard.BuildAsync(reportingYear, indicatorCode: indicator.Trim(), asAt: at, cancellationToken: cancellationToken);
        if (result.Series is not [var series])
        {
            return NotFound();
        }

        var rows = series.Years.Select(y => (IReadOnlyList<object?>)
        [
            y.Year.Name,
            .. Enumerable.Range(1, 4).Select(q => (object?)y.Quarters.FirstOrDefault(c => c.Period == $"Q{q}")?.Value),
            y.YearFigure.Value,
            string.Join("; ", y.Quarters.Append(y.YearFigure).Where(c => c.Gap is not null).Select(c => $"{c.Period}: {c.Gap}")),
        ]);
        var stream = new MemoryStream();
        Spreadsheet.WriteXlsx(stream, new SpreadsheetSheet($"{series.Indicator.Code} {reportingYear.Name}", Headings, rows));
        stream.Position = 0;
        return File(stream, Spreadsheet.XlsxContentType, $"indicator-{series.Indicator.Code}-{reportingYear.Name}.xlsx");
    }
}
