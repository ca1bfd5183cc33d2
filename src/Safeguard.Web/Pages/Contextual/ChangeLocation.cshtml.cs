using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.ComplexSafeguarding;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Contextual;

/// <summary>Changes a place, carrying the version read.</summary>
[RequirePermission("contextual.manage")]
public sealed class ChangeLocationModel(ContextualService contextual, SafeguardDbContext db) : LocationFormModel
{
    public Guid Id { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var location = await db.Set<ContextualLocation>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (location is null)
        {
            return NotFound();
        }

        (Id, Version) = (id, location.Version);
        Input = new LocationInput { Name = location.Name, Type = location.Type.ToString(), Postcode = location.Postcode, Description = location.Description };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var version = Version;
        if (await TryChangeAsync(() => contextual.ChangeLocationAsync(id, version, Details(), Actor, cancellationToken)))
        {
            Notice = "The place is changed.";
            return Redirect(ContextualService.LocationHref(id));
        }

        return Page();
    }
}
