using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The change form's fields, as typed.</summary>
public sealed class ChangeInput : PlacementInput
{
    public string? ReasonForNewEpisode { get; set; }

    public string? ReasonPlacementChanged { get; set; }
}

/// <summary>Record a placement move or a change of legal status: a new episode, the current one ending that day.</summary>
[RequirePermission("lookedafter.manage")]
public sealed class ChangeModel(LookedAfterService lookedAfter, PersonIndex people, Persistence.SafeguardDbContext db) : LookedAfterPageModel(lookedAfter, people)
{
    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public CareEpisode Current { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = Current.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var details = new ChangeDetails
        {
            ChangedOn = ReadDate("Input.ChangedOn", "date of the change"),
            ReasonForNewEpisode = Input.ReasonForNewEpisode,
            LegalStatus = Input.LegalStatus,
            PlacementType = Input.PlacementType,
            PlacementProvider = Input.PlacementProvider,
            PlacementPostcode = Input.PlacementPostcode,
            PlacementUrn = Input.PlacementUrn,
            ReasonPlacementChanged = Input.ReasonPlacementChanged,
            CategoryOfNeed = Input.CategoryOfNeed,
        };
        return await SaveAsync(() => LookedAfter.ChangeAsync(id, Version, details, Actor, cancellationToken), "The new episode is recorded.");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return false;
        }

        Current = (await db.Set<CareEpisode>().AsNoTracking().FirstOrDefaultAsync(e => e.PersonId == id && e.EndedOn == null, cancellationToken))!;
        return Current is not null;
    }
}
