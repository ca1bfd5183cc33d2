using Microsoft.AspNetCore.Mvc;
using Safeguard.Assurance;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Assurance;

/// <summary>The multi-agency audit programme for a year: each audit, where it stands and its return rate.</summary>
[RequirePermission("assurance.manage")]
public sealed class IndexModel(AuditService audits, AuditReturnService returns, TimeProvider time) : AssurancePageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public ReportingYear Shown { get; private set; }

    public IReadOnlyList<(MultiAgencyAudit Audit, int Asked, int Returned)> Audits { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = ReportingYear.Of(UkTime.Today(time));
        Shown = YearOr(Year, current);
        var all = await audits.ProgrammeAsync(null, cancellationToken);
        Years = [.. all.Select(a => a.YearStart).Append(current.StartYear).Distinct().OrderDescending()];
        var rows = new List<(MultiAgencyAudit, int, int)>();
        foreach (var audit in all.Where(a => a.YearStart == Shown.StartYear))
        {
            var rates = await returns.RatesAsync(audit.Id, cancellationToken: cancellationToken);
            rows.Add((audit, rates.Sum(r => r.Asked), rates.Sum(r => r.Returned)));
        }

        Audits = rows;
    }
}
