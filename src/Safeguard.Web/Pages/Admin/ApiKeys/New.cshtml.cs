using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.ApiClients;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.ApiKeys;

/// <summary>Create an API key for one agency and some permissions; the key is shown on the next page once.</summary>
[RequirePermission("admin.apiclients")]
public sealed class NewModel(ApiClientAdministration clients, SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty]
    public KeyInput Input { get; set; } = new();

    public CreatedApiClient? Created { get; private set; }

    public List<SelectListItem> Agencies { get; private set; } = [];

    public List<SelectListItem> PermissionItems { get; } =
        [.. ApiClientAdministration.Grantable.Select(p => new SelectListItem($"{p.Name}: {p.Description}", p.Name))];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await TryChangeAsync(async () => Created = await clients.CreateAsync(new NewApiClient(Input.Name ?? "", Input.Agency ?? "", Input.Permissions), Actor, cancellationToken)))
        {
            // Shown once, on this response: not stored, not in the audit trail, never redirected through.
            Response.Headers.CacheControl = "no-store";
            return Page();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        Agencies = [new SelectListItem("Select an agency", ""), .. agencies.Select(a => new SelectListItem(a.Name, a.Code))];
    }
}

public sealed class KeyInput
{
    public string? Name { get; set; }

    public string? Agency { get; set; }

    public List<string> Permissions { get; set; } = [];
}
