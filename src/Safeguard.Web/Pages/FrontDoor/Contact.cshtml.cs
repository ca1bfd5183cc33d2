using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.FrontDoor;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.FrontDoor;

/// <summary>A contact: what was said, by whom, about which children, its clock, requests, sharing decisions and decision.</summary>
[RequirePermission("frontdoor.view")]
public sealed class ContactModel(ContactService contacts, PersonIndex people) : SafeguardPageModel
{
    public ContactView View { get; private set; } = default!;

    [BindProperty]
    public string? SearchName { get; set; }

    [BindProperty]
    public Guid? ContactChildId { get; set; }

    public IReadOnlyList<PersonSummary> SearchResults { get; private set; } = [];

    public bool CanDecide => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.DecideContacts.Name);

    /// <summary>Children's social care opens the referral a "referral" decision hands on, from the contact's page.</summary>
    public bool CanOpenReferral => User.HasClaim(Identity.SafeguardClaimTypes.Permission, Identity.Permissions.ManageCasework.Name);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Find the record of a child the contact described but did not identify.</summary>
    public async Task<IActionResult> OnPostSearchAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!CanDecide)
        {
            return Forbid();
        }

        try
        {
            SearchResults = [.. (await people.SearchAsync(new PersonSearch(SearchName), Actor, cancellationToken)).Where(p => p.Kind == PersonKind.Child)];
        }
        catch (SafeguardValidationException ex)
        {
            ModelState.AddModelError(nameof(SearchName), ex.Problems[0].Message);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostLinkAsync(Guid id, Guid person, CancellationToken cancellationToken)
    {
        if (!CanDecide)
        {
            return Forbid();
        }

        if (await TryChangeAsync(() => contacts.LinkChildAsync(id, ContactChildId ?? Guid.Empty, person, Actor, cancellationToken)))
        {
            Notice = "The child's record is linked to the contact.";
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
        ReferralsOpened = view.Contact.Decision == ContactDecision.ReferralToChildrensSocialCare
            ? await contacts.ReferralsOpenedFromAsync(id, cancellationToken)
            : new Dictionary<Guid, DateOnly>();
        return true;
    }

    /// <summary>For a referral decision: the children whose referral is open, with its date.</summary>
    public IReadOnlyDictionary<Guid, DateOnly> ReferralsOpened { get; private set; } = new Dictionary<Guid, DateOnly>();
}
