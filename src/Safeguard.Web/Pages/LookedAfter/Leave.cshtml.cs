using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The leaving care form's fields, as typed.</summary>
public sealed class LeaveInput
{
    public string? ReasonCeased { get; set; }
}

/// <summary>Record a child leaving care: the current episode ends with the reason.</summary>
[RequirePermission("lookedafter.manage")]
public sealed class LeaveModel(LookedAfterService lookedAfter, PersonIndex people, Persistence.SafeguardDbContext db) : LookedAfterPageModel(lookedAfter, people)
{
    [BindProperty]
    public LeaveInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } version)
        {
            return NotFound();
        }

        Version = version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        var details = new LeaveDetails(ReadDate("Input.EndedOn", "date the child left care"), Input.ReasonCeased);
        return await SaveAsync(() => LookedAfter.LeaveCareAsync(id, Version, details, Actor, cancellationToken), $"{ChildName} is recorded as having left care.");
    }

    private async Task<int?> LoadAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadChildAsync(id, cancellationToken)
            ? await db.Set<CareEpisode>().AsNoTracking().Where(e => e.PersonId == id && e.EndedOn == null).Select(e => (int?)e.Version).FirstOrDefaultAsync(cancellationToken)
            : null;
}
