using Microsoft.AspNetCore.Mvc;
using Safeguard.AnnualReport;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.AnnualReport;

/// <summary>Changing a funding line from the version it was opened at.</summary>
[RequirePermission("annualreport.manage")]
public sealed class FundingChangeModel(AnnualReportRecords records, SafeguardDbContext db) : AnnualReportPageModel
{
    public PartnershipFundingLine Line { get; private set; } = default!;

    public ReportingYear Year => new(Line.YearStart);

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    [BindProperty]
    public FundingForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = FundingForm.From(Line);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var input = Input.ToInput(Line.YearStart, (key, message) => ModelState.AddModelError(key, message));
        if (await TryChangeAsync(() => records.SaveFundingAsync(id, Input.Version, input, Actor, cancellationToken)))
        {
            Notice = $"The {FundingForm.KindName(input.Kind)} line is changed.";
            return Redirect($"/annual-report/{Line.YearStart}/funding");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await records.GetFundingAsync(id, cancellationToken) is not { } line)
        {
            return false;
        }

        Line = line;
        Agencies = await FundingModel.PartnerAgenciesAsync(db, cancellationToken);
        return true;
    }
}
