using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.FrontDoor;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.FrontDoor;

/// <summary>Ask an agency what it knows about the children on a contact.</summary>
[RequirePermission("frontdoor.decide")]
public sealed class NewRequestModel(ContactService contacts, SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty]
    public RequestInput Input { get; set; } = new();

    public ContactView View { get; private set; } = default!;

    public List<SelectListItem> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await TryChangeAsync(() => contacts.RequestInformationAsync(id, Input.AgencyId, Input.Question, Actor, cancellationToken)))
        {
            Notice = "The request is sent: the agency sees it on its contacts and requests page.";
            return Redirect($"/front-door/contacts/{id}");
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await contacts.GetAsync(id, Actor, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        Agencies = await FrontDoorForm.AgenciesAsync(db, cancellationToken);
        return true;
    }
}

public sealed class RequestInput
{
    public Guid? AgencyId { get; set; }

    public string? Question { get; set; }
}
