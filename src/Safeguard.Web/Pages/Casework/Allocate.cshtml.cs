using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Journey;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>Allocate the child's open episode to a team and, optionally, a worker.</summary>
[RequirePermission("casework.allocate")]
public sealed class AllocateModel(CaseworkService casework, SafeguardDbContext db) : CaseworkPageModel(casework)
{
    public List<SelectListItem> Teams { get; private set; } = [];

    public List<SelectListItem> Workers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Episode is null)
        {
            return NoOpenEpisode();
        }

        var current = Episode.Allocations.FirstOrDefault(a => a.To is null);
        Input.TeamId = current?.TeamId.ToString();
        Input.WorkerId = current?.WorkerId?.ToString();
        await ListsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Episode is not { } episode)
        {
            return NoOpenEpisode();
        }

        await ListsAsync(cancellationToken);
        return await SaveAsync(
            () => Casework.AllocateAsync(episode.Id, Version, ParseGuid(Input.TeamId), ParseGuid(Input.WorkerId), Actor, cancellationToken),
            $"{ChildName} is allocated.", cancellationToken);
    }

    private async Task ListsAsync(CancellationToken cancellationToken)
    {
        Teams = [new("Select the team", ""), .. (await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, Agency = t.Agency!.Name }).ToListAsync(cancellationToken))
            .Select(t => new SelectListItem($"{t.Name} ({t.Agency})", t.Id.ToString()))];
        Workers = [new("No worker yet", ""), .. (await db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.TeamId != null).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, Team = u.Team!.Name }).ToListAsync(cancellationToken))
            .Select(u => new SelectListItem($"{u.DisplayName} ({u.Team})", u.Id.ToString()))];
    }
}
