using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.FrontDoor;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.FrontDoor;

/// <summary>Record an agency's answer to a request for information given another way (by telephone, say).</summary>
[RequirePermission("frontdoor.decide")]
public sealed class RequestModel(ContactService contacts, SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public ContactInformationRequest InformationRequest { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = InformationRequest.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => contacts.RespondAsync(id, Version, Answer, ContactChannel.FrontDoor, Actor, cancellationToken), ""))
        {
            Notice = "The answer is recorded.";
            return Redirect($"/front-door/contacts/{InformationRequest.ContactId}");
        }

        // The page's field is Response, not Input.Response.
        foreach (var key in ModelState.Keys.Where(k => k == ".Response").ToList())
        {
            ModelState.AddModelError(nameof(Answer), ModelState[key]!.Errors[0].ErrorMessage);
            ModelState.Remove(key);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var request = await db.Set<ContactInformationRequest>().AsNoTracking().Include(r => r.Agency).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return false;
        }

        InformationRequest = request;
        return true;
    }
}
