using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The IRO form's field, as typed.</summary>
public sealed class IroInput
{
    public string? IroUserId { get; set; }
}

/// <summary>Name a different independent reviewing officer on the child's current episode.</summary>
[RequirePermission("lookedafter.manage")]
public sealed class IroModel(LookedAfterService lookedAfter, PersonIndex people, Persistence.SafeguardDbContext db) : LookedAfterPageModel(lookedAfter, people)
{
    [BindProperty]
    public IroInput Input { get; set; } = new();

    public string CurrentIro { get; private set; } = "";

    public List<SelectListItem> Iros { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } current)
        {
            return NotFound();
        }

        (Version, Input.IroUserId) = (current.Version, current.IroUserId?.ToString());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        return await SaveAsync(() => LookedAfter.ChangeIroAsync(id, Version, Guid.TryParse(Input.IroUserId, out var iro) ? iro : null, Actor, cancellationToken), $"{ChildName}'s independent reviewing officer is changed.");
    }

    private async Task<CareEpisode?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return null;
        }

        var current = await db.Set<CareEpisode>().AsNoTracking().FirstOrDefaultAsync(e => e.PersonId == id && e.EndedOn == null, cancellationToken);
        CurrentIro = current?.IroName ?? "";
        Iros = await IroItemsAsync(cancellationToken);
        return current;
    }
}
