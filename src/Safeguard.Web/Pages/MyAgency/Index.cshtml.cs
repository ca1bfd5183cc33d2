using Safeguard.FrontDoor;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>A partner practitioner's view: the contacts their agency made and the requests for information sent to it.</summary>
[RequirePermission("contacts.submit")]
public sealed class IndexModel(ContactService contacts) : SafeguardPageModel
{
    public IReadOnlyList<AgencyContactView> Contacts { get; private set; } = [];

    public IReadOnlyList<AgencyRequestView> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Requests = await contacts.RequestsToAgencyAsync(Actor, cancellationToken);
        Contacts = await contacts.ContactsOfAgencyAsync(Actor, cancellationToken);
    }
}
