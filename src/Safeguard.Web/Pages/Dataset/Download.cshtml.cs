using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>The dataset as a file: XLSX, CSV or JSON (the same JSON as <c>safeguard kpi dataset</c>).</summary>
[RequirePermission("performance.view")]
public sealed class DownloadModel(DatasetCache datasets, SafeguardDbContext db, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? year, string? format, [FromQuery(Name = "as-at")] string? asAt, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<DatasetFormat>(format ?? "xlsx", ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return BadRequest("format must be xlsx, csv or json");
        }

        if (!DatasetPageModel.TryAsAt(asAt, out var at))
        {
            return BadRequest(DatasetPageModel.AsAtBadRequestMessage);
        }

        var reportingYear = SafeguardPageModel.YearOr(year, ReportingYear.Of(UkTime.Today(time)));
        var result = await datasets.ComputeAsync(db, reportingYear, at, cancellationToken);
        var stream = new MemoryStream();
        await DatasetExport.WriteAsync(result, kind, stream, cancellationToken);
        stream.Position = 0;
        var (type, extension) = kind switch
        {
            DatasetFormat.Csv => ("text/csv", "csv"),
            DatasetFormat.Json => ("application/json", "json"),
            _ => (Spreadsheet.XlsxContentType, "xlsx"),
        };
        return File(stream, type, $"partnership-dataset-{result.Year.Name}.{extension}");
    }
}
