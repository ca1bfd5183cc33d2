using Microsoft.AspNetCore.Mvc;
using Safeguard.FrontDoor;
using Safeguard.Journey;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>A child's casework: the current episode, what is due with its deadline status, the allocation and earlier episodes.</summary>
[RequirePermission("children.view")]
public sealed class SummaryModel(CaseworkService casework, ContactService contacts) : CaseworkPageModel(casework)
{
    public IReadOnlyList<string> Warnings { get; private set; } = [];

    /// <summary>Referrals the front door decided for this child that are not yet opened, newest first.</summary>
    public IReadOnlyList<ReferralHandoff> WaitingReferrals { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Warnings = TempData[WarningsKey] is string text ? text.Split('\n') : [];
        WaitingReferrals = Episode is null ? await contacts.ReferralsWaitingForAsync(id, cancellationToken) : [];
        return Page();
    }
}
