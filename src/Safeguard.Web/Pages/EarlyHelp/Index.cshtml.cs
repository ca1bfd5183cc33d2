using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.EarlyHelp;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Shared;
using Safeguard.Work;

namespace Safeguard.Web.Pages.EarlyHelp;

/// <summary>Open early help episodes, due reviews first, filtered by the lead professional's agency; 50 a page (<c>?page=2</c>).</summary>
[RequirePermission("earlyhelp.view")]
public sealed class IndexModel(EarlyHelpService earlyHelp, SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? LeadAgency { get; set; }

    [BindProperty(SupportsGet = true)]
    public List<string> Closed { get; set; } = [];

    public ListPage<EarlyHelpListItem> Results { get; private set; } = new([], 0, 1, ListPage.DefaultPageSize);

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    public bool CanStart => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ManageEarlyHelp.Name);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = [.. (await db.Agencies.AsNoTracking().Where(a => a.IsActive).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken))
            .OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => (a.Id, a.Name))];
        var lead = Guid.TryParse(LeadAgency, out var id) ? id : (Guid?)null;
        Results = await earlyHelp.ListPageAsync(new EarlyHelpListQuery(lead, Closed.Contains("true")), partner: false, Actor, ListLinks.PageNumber(Request), cancellationToken: cancellationToken);
    }
}
