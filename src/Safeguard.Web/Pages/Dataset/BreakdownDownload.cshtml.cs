using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>
/// A quarter's drill-down as a file (CSV or XLSX), on the page's terms: the children only for a reader who may see
/// children's records (a restricted one as "Restricted record", with no id), that listing audited against each
/// child named; everyone else gets the counts only.
/// </summary>
[RequirePermission("performance.view")]
public sealed class BreakdownDownloadModel(IndicatorDrillDown drillDown, SafeguardDbContext db, TimeProvider time) : DatasetPageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? year, string? quarter, string? format, [FromQuery(Name = "as-at")] string? asAt, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<DatasetFormat>(format ?? "xlsx", ignoreCase: true, out var kind) || kind == DatasetFormat.Json || !Enum.IsDefined(kind))
        {
            return BadRequest("format must be xlsx or csv");
        }

        var reportingYear = ReportingYear.Of(UkTime.Today(time));
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var start) || start is < 2000 or > 2100)
            {
                return BadRequest("year must be the year a reporting year starts in, such as 2025");
            }

            reportingYear = new ReportingYear(start);
        }

        if (!int.TryParse(quarter, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 4)
        {
            return BadRequest("quarter must be 1, 2, 3 or 4");
        }

        if (!TryAsAt(asAt, out var at))
        {
            return BadRequest(AsAtBadRequestMessage);
        }

        var found = await drillDown.ForReaderAsync(id, reportingYear.Quarter(number), at, Actor, ShowsChildren, $"downloaded as {kind.ToString().ToUpperInvariant()}", cancellationToken);
        if (found is not { } listed)
        {
            return await db.Set<Indicator>().AnyAsync(i => i.Id == id, cancellationToken)
                ? BadRequest("this indicator is not computed from Safeguard's records, so it has no breakdown")
                : NotFound();
        }

        var stream = new MemoryStream();
        await IndicatorBreakdownExport.WriteAsync(listed.Result, listed.Children, kind, stream, cancellationToken);
        stream.Position = 0;
        return File(stream, kind == DatasetFormat.Csv ? "text/csv" : Spreadsheet.XlsxContentType, IndicatorBreakdownExport.FileName(listed.Result, kind));
    }
}
