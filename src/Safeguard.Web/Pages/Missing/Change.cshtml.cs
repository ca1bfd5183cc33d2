using Microsoft.AspNetCore.Mvc;
using Safeguard.ComplexSafeguarding;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Missing;

/// <summary>Change an episode (its return among the rest), carrying the version it was read at.</summary>
[RequirePermission("missing.manage")]
public sealed class ChangeModel(MissingEpisodeService missing, SafeguardDbContext db) : EpisodeFormModel
{
    public EpisodeView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await missing.GetAsync(id, Actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        Fill(view.Episode);
        await LoadAgenciesAsync(db, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await missing.GetAsync(id, Actor, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        if (await SaveAsync(details => missing.ChangeAsync(id, Version, details, Actor, cancellationToken)))
        {
            Notice = "The episode is changed.";
            return Redirect($"/missing/episodes/{id}");
        }

        await LoadAgenciesAsync(db, cancellationToken);
        return Page();
    }
}
