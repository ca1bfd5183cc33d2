using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.FrontDoor;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.FrontDoor;

/// <summary>Record a decision to share information, or not to, about a contact or a child.</summary>
[RequirePermission("frontdoor.decide")]
public sealed class NewShareModel(InformationSharingLog log, ContactService contacts, SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty]
    public ShareInput Input { get; set; } = new();

    public List<SelectListItem> Agencies { get; private set; } = [];

    public List<SelectListItem> Children { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? contact, Guid? person, CancellationToken cancellationToken)
    {
        Input.ContactId = contact;
        Input.PersonId = person;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await TryChangeAsync(() => log.RecordAsync(new NewInformationShare
        {
            ContactId = Input.ContactId,
            PersonId = Input.PersonId,
            Shared = Input.Shared == "yes",
            What = Input.What ?? "",
            AgencyId = Input.AgencyId,
            Purpose = Input.Purpose ?? "",
            LawfulBasis = Input.LawfulBasis,
            Consent = Input.Consent,
            Reason = Input.Reason ?? "",
        }, Actor, cancellationToken)))
        {
            Notice = "The decision is recorded in the information-sharing log.";
            return Redirect(Input.ContactId is { } c ? $"/front-door/contacts/{c}" : "/front-door/sharing");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Agencies = await FrontDoorForm.AgenciesAsync(db, cancellationToken);
        if (Input.ContactId is { } contactId && await contacts.GetAsync(contactId, Actor, cancellationToken) is { } view)
        {
            Children = [new SelectListItem("All the children on the contact", ""), .. view.Children.Where(c => c.PersonId is not null).Select(c => new SelectListItem(c.Name, c.PersonId.ToString()))];
        }
    }
}

public sealed class ShareInput
{
    public Guid? ContactId { get; set; }

    public Guid? PersonId { get; set; }

    public string? Shared { get; set; } = "yes";

    public string? What { get; set; }

    public Guid? AgencyId { get; set; }

    public string? Purpose { get; set; }

    public LawfulBasis? LawfulBasis { get; set; }

    public ConsentPosition? Consent { get; set; }

    public string? Reason { get; set; }
}
