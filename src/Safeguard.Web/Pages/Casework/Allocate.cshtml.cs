using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Journey;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>
/// Allocate the child's open episode to a team of children's social care and, optionally, one of its workers
/// who holds casework. The worker list is the chosen team's: without JavaScript, "Show the team's workers"
/// redraws it; with it, allocate.js fetches the list for the team chosen (<c>?team=</c>).
/// </summary>
[RequirePermission("casework.allocate")]
public sealed class AllocateModel(CaseworkService casework, SafeguardDbContext db) : CaseworkPageModel(casework)
{
    public List<SelectListItem> Teams { get; private set; } = [];

    public List<SelectListItem> Workers { get; private set; } = [];

    /// <summary>DfE's reasons for a new social worker (SSDA903 SW_REASON), asked when the worker changes (docs/adr/0087).</summary>
    public List<SelectListItem> Reasons { get; } =
        [new("Select the reason, if the social worker changes", ""), .. Safeguard.LookedAfter.SocialWorkerEpisodes.Reasons.Select(r => new SelectListItem(r.Label, r.Code))];

    /// <summary>The team whose workers are listed, when asked for by the team list's script or a link.</summary>
    [BindProperty(SupportsGet = true, Name = "team")]
    public Guid? TeamAsked { get; set; }

    /// <summary>The name of the team whose workers are listed; null before a team is chosen.</summary>
    public string? ListedTeam { get; private set; }

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
        Input.TeamId = TeamAsked?.ToString() ?? current?.TeamId.ToString();
        Input.WorkerId = TeamAsked is null || TeamAsked == current?.TeamId ? current?.WorkerId?.ToString() : null;
        await ListsAsync(cancellationToken);
        return Page();
    }

    /// <summary>Without JavaScript: the team is chosen, so list its workers (nothing is saved).</summary>
    public async Task<IActionResult> OnPostTeamAsync(Guid id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Episode is null)
        {
            return NoOpenEpisode();
        }

        Input.WorkerId = null;
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
            () => Casework.AllocateAsync(episode.Id, Version, ParseGuid(Input.TeamId), ParseGuid(Input.WorkerId), Input.SocialWorkerReason, Actor, cancellationToken),
            $"{ChildName} is allocated.", cancellationToken);
    }

    private async Task ListsAsync(CancellationToken cancellationToken)
    {
        var teams = await AllocationChoices.Teams(db).AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new { t.Id, t.Name, Agency = t.Agency!.Name }).ToListAsync(cancellationToken);
        Teams = [new("Select the team", ""), .. teams.Select(t => new SelectListItem($"{t.Name} ({t.Agency})", t.Id.ToString()))];
        var team = teams.FirstOrDefault(t => t.Id == ParseGuid(Input.TeamId));
        ListedTeam = team?.Name;
        Workers = team is null
            ? [new("Choose the team first", "")]
            : [new("No worker yet", ""), .. (await AllocationChoices.Workers(db, team.Id).AsNoTracking().OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken))
                .Select(u => new SelectListItem(u.DisplayName, u.Id.ToString()))];

        // The history names earlier teams and workers, whoever they were.
        var ids = Episode?.Allocations.SelectMany(a => new[] { (Guid?)a.TeamId, a.WorkerId }).OfType<Guid>().ToList() ?? [];
        History = (await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
            .Concat(await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, Name = u.DisplayName }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Id, x => x.Name);
    }

    /// <summary>The names of the teams and workers in the allocation history.</summary>
    public Dictionary<Guid, string> History { get; private set; } = [];
}
