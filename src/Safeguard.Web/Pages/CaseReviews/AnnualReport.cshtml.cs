using Microsoft.AspNetCore.Mvc;
using Safeguard.Auditing;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.CaseReviews;

/// <summary>The annual report extract for a reporting year, as a page and as a Word document.</summary>
[RequirePermission("reviews.view")]
public sealed class AnnualReportModel(SafeguardDbContext db, IConfiguration configuration) : CaseReviewPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public AnnualReportExtract? Extract { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Extract = await BuildAsync(cancellationToken);

    public async Task<IActionResult> OnGetDocxAsync(CancellationToken cancellationToken)
    {
        var extract = await BuildAsync(cancellationToken);
        using var process = db.BeginProcess("CaseReviews.ExportAnnualReport", Actor);
        db.RecordAccess("AnnualReportExtract", extract.Year.Name, AuditAction.Exported);
        await db.SaveChangesAsync(cancellationToken);
        return File(AnnualReportDocument.Write(extract, configuration["Safeguard:AreaName"] ?? "Local"), AnnualReportDocument.ContentType, $"case-reviews-{extract.Year.Name}.docx");
    }

    private async Task<AnnualReportExtract> BuildAsync(CancellationToken cancellationToken)
    {
        var current = ReportingYear.Of(Calendar.UkTime.Today(db.Time));
        var year = Year is >= 2000 and <= 2200 ? new ReportingYear(Year.Value) : current;
        Year = year.StartYear;
        return await AnnualReportExtract.BuildAsync(db, year, cancellationToken);
    }
}
