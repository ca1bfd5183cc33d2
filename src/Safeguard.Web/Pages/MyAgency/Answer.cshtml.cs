using Microsoft.AspNetCore.Mvc;
using Safeguard.FrontDoor;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>Answer a request for information sent to the partner's agency.</summary>
[RequirePermission("contacts.submit")]
public sealed class AnswerModel(ContactService contacts) : SafeguardPageModel
{
    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public AgencyRequestView Asked { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Asked.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => contacts.RespondAsync(id, Version, Answer, ContactChannel.Partner, Actor, cancellationToken), ""))
        {
            Notice = "Your answer is sent to the front door.";
            return Redirect("/my-agency");
        }

        foreach (var key in ModelState.Keys.Where(k => k == ".Response").ToList())
        {
            ModelState.AddModelError(nameof(Answer), ModelState[key]!.Errors[0].ErrorMessage);
            ModelState.Remove(key);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var asked = await contacts.RequestToAgencyAsync(id, Actor, cancellationToken);
        if (asked is null)
        {
            return false;
        }

        Asked = asked;
        return true;
    }
}
