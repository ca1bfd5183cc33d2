using Microsoft.AspNetCore.Mvc;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>
/// The quarter's return to the regional performance framework on missing children and exploitation, as CSV (the same
/// file as <c>safeguard complex-safeguarding regional-return</c>): an aggregate, audited as an export.
/// </summary>
[RequirePermission("performance.view")]
public sealed class RegionalReturnModel(Safeguard.ComplexSafeguarding.RegionalReturn regionalReturn, TimeProvider time) : DatasetPageModel
{
    public async Task<IActionResult> OnGetAsync(string? quarter, CancellationToken cancellationToken)
    {
        ReportingQuarter period;
        try
        {
            period = string.IsNullOrWhiteSpace(quarter) ? ReportingQuarter.Of(UkTime.Today(time)) : Safeguard.ComplexSafeguarding.RegionalReturn.ParseQuarter(quarter);
            var stream = new MemoryStream();
            await regionalReturn.WriteAsync(stream, period, Actor, cancellationToken);
            stream.Position = 0;
            return File(stream, "text/csv", Safeguard.ComplexSafeguarding.RegionalReturn.FileName(period));
        }
        catch (SafeguardValidationException ex)
        {
            return BadRequest("quarter: " + ex.Problems[0].Message);
        }
    }
}
