using Microsoft.AspNetCore.Mvc;
using Safeguard.FrontDoor;
using Safeguard.Journey;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>Record a referral to children's social care: it opens an episode.</summary>
[RequirePermission("casework.manage")]
public sealed class ReferralModel(CaseworkService casework, ContactService contacts) : CaseworkPageModel(casework)
{
    [BindProperty(SupportsGet = true)]
    public Guid? Contact { get; set; }

    /// <summary>The front door's decision this referral comes from, when opened from a contact.</summary>
    public ReferralHandoff? FromFrontDoor { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // Opened without a contact: the front door's latest referral for this child waiting to be opened, if any.
        Contact ??= await contacts.ReferralsWaitingForAsync(id, cancellationToken) is [var waiting, ..] ? waiting.ContactId : null;
        if (Contact is { } contactId)
        {
            // Only a contact decided as a referral, about this child, fills in the form.
            FromFrontDoor = await contacts.ReferralHandoffAsync(contactId, cancellationToken) is { } handoff && handoff.PersonIds.Contains(id) ? handoff : null;
            if (FromFrontDoor is null)
            {
                Contact = null;
            }
            else
            {
                PrefillDate("ReferralDate", FromFrontDoor.ReferralDate);
                Input.ReferralSource = FromFrontDoor.ReferralSource;
                Input.ReferralNfa = "no";
            }
        }

        return Page();
    }

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
