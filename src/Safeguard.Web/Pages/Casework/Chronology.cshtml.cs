using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Chronology;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>A child's chronology from every area, newest first, filtered by kind and agency; the view is audited.</summary>
[RequirePermission("children.view")]
public sealed class ChronologyModel(ChronologyService chronology, SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public List<string> Kind { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public List<Guid> Agency { get; set; } = [];

    public Person Child { get; private set; } = default!;

    public IReadOnlyList<ChronologyEntry> Entries { get; private set; } = [];

    public IReadOnlyList<string> Kinds { get; } =
        [.. typeof(ChronologyKinds).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)];

    public IReadOnlyList<(Guid Id, string Name)> Agencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var entries = await chronology.ForPersonAsync(id, new ChronologyFilter(Kind, Agency), Actor, cancellationToken);
        if (entries is null)
        {
            return NotFound();
        }

        Child = await db.People.AsNoTracking().FirstAsync(p => p.Id == id, cancellationToken);
        Entries = entries;
        Agencies = [.. (await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken)).Select(a => (a.Id, a.Name))];
        return Page();
    }
}
