using Microsoft.AspNetCore.Mvc;
using Safeguard.Escalations;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.Shared;
using Safeguard.Work;

namespace Safeguard.Web.Pages.Escalations;

/// <summary>The escalations the user's agency raised or had raised with it, open ones first by due date, paged in the database.</summary>
[RequirePermission("escalations.raise")]
public sealed class AgencyModel(EscalationService escalations) : SafeguardPageModel
{
    /// <summary>open (the default), closed or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public ListPage<EscalationView> Results { get; private set; } = new([], 0, 1, ListPage.DefaultPageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var status = Status switch { "closed" => EscalationStatus.Closed, "all" => EscalationStatus.All, _ => EscalationStatus.Open };
        Results = await escalations.ListPageAsync(new EscalationFilter { Status = status }, Actor, ListLinks.PageNumber(Request), cancellationToken: cancellationToken);
    }
}
