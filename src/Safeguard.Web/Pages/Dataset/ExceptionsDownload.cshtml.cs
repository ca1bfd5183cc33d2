using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>The exception report as a file: XLSX (exceptions and gaps on two sheets) or CSV (one table, a Kind column telling them apart).</summary>
[RequirePermission("performance.view")]
public sealed class ExceptionsDownloadModel(ExceptionReportService exceptions, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? year, string? format, [FromQuery(Name = "as-at")] string? asAt, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ExceptionReportFormat>(format ?? "xlsx", ignoreCase: true, out var kind) || kind == ExceptionReportFormat.Json || !Enum.IsDefined(kind))
        {
            return BadRequest("format must be xlsx or csv");
        }

        if (!DatasetPageModel.TryAsAt(asAt, out var at))
        {
            return BadRequest(DatasetPageModel.AsAtBadRequestMessage);
        }

        var reportingYear = SafeguardPageModel.YearOr(year, ReportingYear.Of(UkTime.Today(time)));
        var result = await exceptions.BuildAsync(reportingYear, at, cancellationToken);
        var stream = new MemoryStream();
        await ExceptionReportService.WriteAsync(result, kind, stream, cancellationToken);
        stream.Position = 0;
        return kind == ExceptionReportFormat.Csv
            ? File(stream, "text/csv", $"exception-report-{result.Year.Name}.csv")
            : File(stream, Spreadsheet.XlsxContentType, $"exception-report-{result.Year.Name}.xlsx");
    }
}
