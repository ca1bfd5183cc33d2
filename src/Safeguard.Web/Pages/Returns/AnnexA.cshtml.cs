using Microsoft.AspNetCore.Mvc;
using Safeguard.Calendar;
using Safeguard.Interchange.AnnexA;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Returns;

/// <summary>
/// Ofsted's Annex A: the eleven lists as at a date, downloaded as one workbook built from the records (performance
/// officers). The workbook is written to a temporary file and checked as it is written; it is sent only when every value
/// is valid for the template, otherwise the problems are shown. Every export is audited.
/// </summary>
[RequirePermission("returns.manage")]
public sealed class AnnexAModel(AnnexAExport export, TimeProvider time) : SafeguardPageModel
{
    public IReadOnlyList<AnnexAList> Lists => AnnexAExport.Schema.Lists;

    public AnnexAResult? Failed { get; private set; }

    public DateOnly Today => UkTime.Today(time);

    public void OnGet() => PrefillDateInput("AsAt", Today);

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken cancellationToken)
    {
        var asAt = ReadDate("AsAt", "date the lists are as at");
        if (ModelState.IsValid && asAt is null)
        {
            ModelState.AddModelError("AsAt", "Enter the date the lists are as at");
        }
        else if (asAt > Today)
        {
            ModelState.AddModelError("AsAt", "The date must be today or in the past");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var path = Path.Combine(Path.GetTempPath(), $"annex-a-{Guid.NewGuid():N}.xlsx");
        AnnexAResult result;
        try
        {
            await using (var stream = System.IO.File.Create(path))
            {
                result = await export.WriteAsync(asAt!.Value, stream, Actor, cancellationToken);
            }
        }
        catch
        {
            System.IO.File.Delete(path);
            throw;
        }

        if (!result.IsValid)
        {
            System.IO.File.Delete(path);
            Failed = result;
            ModelState.AddModelError("AsAt", $"{result.ProblemCount:N0} values are not valid for the Annex A template: the workbook was not made");
            return Page();
        }

        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return File(file, Safeguard.Dataset.Spreadsheet.XlsxContentType, $"annex-a-{asAt:yyyy-MM-dd}.xlsx");
    }
}
