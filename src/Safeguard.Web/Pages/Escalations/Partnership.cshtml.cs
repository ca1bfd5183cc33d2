using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Escalations;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Shared;
using Safeguard.Work;

namespace Safeguard.Web.Pages.Escalations;

/// <summary>The business unit's view of every escalation, filtered by stage, agency, theme and overdue, counted and paged in the database.</summary>
[RequirePermission("assurance.manage")]
public sealed class PartnershipModel(EscalationService escalations, SafeguardDbContext db) : SafeguardPageModel
{
    /// <summary>open (the default), closed or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Theme { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    public ListPage<EscalationView> Results { get; private set; } = new([], 0, 1, ListPage.DefaultPageSize);

    public List<SelectListItem> Agencies { get; private set; } = [];

    public bool IsFiltered => Stage is not null || Agency is not null || Theme is not null || Overdue || Status is "closed" or "all";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => db.Set<Escalation>().Any(e => e.RaisedByAgencyId == a.Id || e.RaisedWithAgencyId == a.Id))
            .Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        Agencies = [new("Any agency", ""), .. agencies.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new SelectListItem(a.Name, a.Id.ToString(), a.Id == Agency))];
        var filter = new EscalationFilter
        {
            Status = Status switch { "closed" => EscalationStatus.Closed, "all" => EscalationStatus.All, _ => EscalationStatus.Open },
            Stage = int.TryParse(Stage, NumberStyles.None, CultureInfo.InvariantCulture, out var stage) && stage is >= 1 and <= Escalation.LastStage ? stage : null,
            AgencyId = Agency,
            Theme = EscalationForm.Parse<EscalationTheme>(Theme),
            OverdueOnly = Overdue,
        };
        Results = await escalations.ListPageAsync(filter, Actor, ListLinks.PageNumber(Request), cancellationToken: cancellationToken);
    }
}

/// <summary>One escalation as the business unit sees it (read only; audited).</summary>
[RequirePermission("assurance.manage")]
public sealed class PartnershipRecordModel(EscalationService escalations) : SafeguardPageModel
{
    public EscalationView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await escalations.GetAsync(id, Actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
