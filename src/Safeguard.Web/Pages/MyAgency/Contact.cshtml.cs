using Microsoft.AspNetCore.Mvc;
using Safeguard.FrontDoor;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>One contact the partner's agency made: what was sent and the outcome. Another agency's contact is not found.</summary>
[RequirePermission("contacts.submit")]
public sealed class ContactModel(ContactService contacts) : SafeguardPageModel
{
    public AgencyContactView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await contacts.ContactOfAgencyAsync(id, Actor, cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
