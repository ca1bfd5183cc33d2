using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;
using Safeguard.Work;

namespace Safeguard.Web.Pages.Casework;

/// <summary>
/// A team manager's view: everything due soon or overdue for a team, from every area: overdue, due today or
/// in the warning window, and assessments from their 40th working day; filtered by child, worker, what is due and
/// where it stands, sorted, paged and downloadable. "Everything" shows the team's work that is not yet due as well.
/// </summary>
[RequirePermission("children.view")]
public sealed class TeamModel(DueWorkList list, SafeguardDbContext db) : DueWorkPageModel(list, db)
{
    [BindProperty(SupportsGet = true)]
    public Guid? TeamId { get; set; }

    /// <summary>"all" to show the team's work that is not yet due as well.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    public bool ShowAll => Show == "all";

    public List<SelectListItem> Teams { get; private set; } = [];

    public string? TeamName { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => LoadTeamAsync(download: false, cancellationToken);

    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken cancellationToken)
    {
        if (!Shared.ListLinks.IsFormat(format))
        {
            return BadRequest("format must be csv or xlsx");
        }

        await LoadTeamAsync(download: true, cancellationToken);
        return Result is null ? NotFound() : await FileAsync(format, "team-due-work", cancellationToken);
    }

    private async Task<IActionResult> LoadTeamAsync(bool download, CancellationToken cancellationToken)
    {
        var teams = await Db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        if (TeamId is null && Actor.UserId is { } userId)
        {
            TeamId = await Db.Users.Where(u => u.Id == userId).Select(u => u.TeamId).FirstOrDefaultAsync(cancellationToken);
        }

        Teams = [new("Select a team", ""), .. teams.Select(t => new SelectListItem(t.Name, t.Id.ToString(), t.Id == TeamId))];
        TeamName = teams.FirstOrDefault(t => t.Id == TeamId)?.Name;
        if (TeamId is { } teamId && TeamName is not null)
        {
            await LoadAsync(new DueWorkQuery(TeamId: teamId), attentionOnly: !ShowAll, "Casework.TeamWork", teamId.ToString(), ShowAll ? "team; everything" : "team", download, cancellationToken);
        }

        return Page();
    }
}
