using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.AnnualReport;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.AnnualReport;

/// <summary>The year's funding: each partner agency's contribution and the expenditure lines, with totals, and adding a line.</summary>
[RequirePermission("annualreport.manage")]
public sealed class FundingModel(AnnualReportRecords records, SafeguardDbContext db) : AnnualReportPageModel
{
    public ReportingYear Year { get; private set; }

    public IReadOnlyList<FundingRow> Lines { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public decimal Total(FundingKind kind) => Lines.Where(l => l.Line.Kind == kind).Sum(l => l.Line.Amount);

    [BindProperty]
    public FundingForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (!Accepts(year))
        {
            return NotFound();
        }

        await LoadAsync(year, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken)
    {
        if (!Accepts(year))
        {
            return NotFound();
        }

        var input = Input.ToInput(year, (key, message) => ModelState.AddModelError(key, message));
        if (await TryChangeAsync(() => records.SaveFundingAsync(null, 0, input, Actor, cancellationToken)))
        {
            Notice = $"The {FundingForm.KindName(input.Kind)} line is added.";
            return Redirect($"/annual-report/{year}/funding");
        }

        await LoadAsync(year, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int year, CancellationToken cancellationToken)
    {
        Year = new ReportingYear(year);
        Lines = await records.FundingAsync(Year, cancellationToken);
        Agencies = await PartnerAgenciesAsync(db, cancellationToken);
    }

    /// <summary>The partnership's active agencies, statutory partners first, for the contribution's drop-down.</summary>
    public static async Task<IReadOnlyList<Agency>> PartnerAgenciesAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).ToListAsync(cancellationToken);
        return [.. agencies.OrderBy(a => a.StatutoryPartner is null).ThenBy(a => a.Name, StringComparer.Ordinal)];
    }
}
