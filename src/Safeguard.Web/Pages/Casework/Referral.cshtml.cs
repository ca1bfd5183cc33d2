using Microsoft.AspNetCore.Mvc;
using Safeguard.Journey;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>Record a referral to children's social care: it opens an episode.</summary>
[RequirePermission("casework.manage")]
public sealed class ReferralModel(CaseworkService casework) : CaseworkPageModel(casework)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Contact { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var date = DateFrom("ReferralDate", "date of the referral");
        if (Input.ReferralNfa is not ("yes" or "no"))
        {
            ModelState.AddModelError("Input.ReferralNfa", "Select whether the referral led to no further action");
        }

        return await SaveAsync(
            () => Casework.OpenReferralAsync(id, new NewReferral(date, Input.ReferralSource, Input.PrimaryNeedCode, Input.ReferralNfa == "yes", Contact), Actor, cancellationToken),
            "The referral is recorded.", cancellationToken);
    }
}
