using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The adviser form's fields, as typed.</summary>
public sealed class AdviserInput
{
    public string? PersonalAdviserUserId { get; set; }

    /// <summary>"yes", "no" or blank (not yet considered).</summary>
    public string? NeedsAdultServices { get; set; }

    public string? AdultServicesNote { get; set; }
}

/// <summary>Name the personal adviser and record whether the young person is likely to need adult services.</summary>
[RequirePermission("lookedafter.manage")]
public sealed class CareLeaverAdviserModel(LookedAfterService lookedAfter, CareLeaverService careLeavers, PersonIndex people, Persistence.SafeguardDbContext db) : CareLeaverPageModel(lookedAfter, people)
{
    [BindProperty]
    public AdviserInput Input { get; set; } = new();

    /// <summary>The version of the care leaver record read; blank when there was none.</summary>
    [BindProperty]
    public int? RecordVersion { get; set; }

    public List<SelectListItem> Advisers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var record = await db.Set<CareLeaver>().AsNoTracking().FirstOrDefaultAsync(c => c.PersonId == id, cancellationToken);
        RecordVersion = record?.Version;
        Input = new AdviserInput
        {
            PersonalAdviserUserId = record?.PersonalAdviserUserId?.ToString(),
            NeedsAdultServices = record?.NeedsAdultServices switch { true => "yes", false => "no", null => "" },
            AdultServicesNote = record?.AdultServicesNote,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var details = new AdviserDetails
        {
            PersonalAdviserUserId = Guid.TryParse(Input.PersonalAdviserUserId, out var pa) ? pa : null,
            NeedsAdultServices = Input.NeedsAdultServices switch { "yes" => true, "no" => false, _ => null },
            AdultServicesNote = Input.AdultServicesNote,
        };
        return await SaveAsync(() => careLeavers.SetAdviserAsync(id, RecordVersion, details, Actor, cancellationToken), "The personal adviser and adult services are recorded.");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return false;
        }

        Advisers = [new SelectListItem("None", ""), .. (await careLeavers.AdviserChoices().ToListAsync(cancellationToken)).Select(c => new SelectListItem(c.Name, c.UserId.ToString()))];
        return true;
    }
}
