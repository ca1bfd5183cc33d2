using Microsoft.AspNetCore.Mvc;
using Safeguard.ApiClients;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.ApiKeys;

/// <summary>Revoke a key: it stops working at once. The reason is kept in the audit trail.</summary>
[RequirePermission("admin.apiclients")]
public sealed class RevokeModel(ApiClientAdministration clients) : SafeguardPageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public ApiClientSummary Client { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => clients.RevokeAsync(id, Reason, Actor, cancellationToken), ""))
        {
            Notice = $"The key for {Client.Name} is revoked.";
            return Redirect("/admin/api-keys");
        }

        foreach (var key in ModelState.Keys.Where(k => k.StartsWith('.')).ToList())
        {
            ModelState.AddModelError(nameof(Reason), ModelState[key]!.Errors[0].ErrorMessage);
            ModelState.Remove(key);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var client = (await clients.ListAsync(cancellationToken)).FirstOrDefault(c => c.Id == id);
        if (client is null)
        {
            return false;
        }

        Client = client;
        return true;
    }
}
