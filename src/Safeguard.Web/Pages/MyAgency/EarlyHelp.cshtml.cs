using Microsoft.AspNetCore.Mvc;
using Safeguard.EarlyHelp;
using Safeguard.Timescales;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>
/// The open early help episodes the user's agency leads or is in the team around the family of, due reviews first;
/// <c>?State=overdue</c> (the home page's overdue count) shows only those whose review is overdue.
/// </summary>
[RequirePermission("earlyhelp.agency")]
public sealed class EarlyHelpModel(EarlyHelpService earlyHelp) : SafeguardPageModel
{
    public IReadOnlyList<EarlyHelpListItem> Items { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    public bool OverdueOnly => string.Equals(State, "overdue", StringComparison.OrdinalIgnoreCase);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var items = await earlyHelp.ListAsync(new EarlyHelpListQuery(), partner: true, Actor, cancellationToken);
        Items = OverdueOnly ? [.. items.Where(i => i.NextReview.Status == DeadlineStatus.Overdue)] : items;
    }
}
