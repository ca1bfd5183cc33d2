using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Journey;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;
using Safeguard.Work;

namespace Safeguard.Web.Pages.Casework;

/// <summary>
/// A team manager's view: everything due soon or overdue for a team, from every area: overdue, due today or
/// in the warning window, and assessments from their 40th working day; optionally only the children whose
/// name contains what the manager typed.
/// </summary>
[RequirePermission("children.view")]
public sealed class TeamModel(IEnumerable<IDueWorkSource> sources, SafeguardDbContext db) : SafeguardPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? TeamId { get; set; }

    /// <summary>Part of a child's name: the team's list can be long, so a manager can find one child in it.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Child { get; set; }

    public List<SelectListItem> Teams { get; private set; } = [];

    public string? TeamName { get; private set; }

    public IReadOnlyList<DueItem> Items { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var teams = await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        if (TeamId is null && Actor.UserId is { } userId)
        {
            TeamId = await db.Users.Where(u => u.Id == userId).Select(u => u.TeamId).FirstOrDefaultAsync(cancellationToken);
        }

        Teams = [new("Select a team", ""), .. teams.Select(t => new SelectListItem(t.Name, t.Id.ToString(), t.Id == TeamId))];
        TeamName = teams.FirstOrDefault(t => t.Id == TeamId)?.Name;
        if (TeamId is { } teamId && TeamName is not null)
        {
            var (items, names) = await new DueWorkList(sources, db).ListAsync(new DueWorkQuery(TeamId: teamId), cancellationToken);
            var child = Child?.Trim();
            Items = [.. items.Where(i => JourneyDeadline.NeedsAttention(i.Assessment)
                && (string.IsNullOrEmpty(child) || i.ChildName.Contains(child, StringComparison.OrdinalIgnoreCase)))];
            Names = names;
            using (db.BeginProcess("Casework.TeamWork", Actor))
            {
                db.RecordAccess("DueWork", teamId.ToString(), AuditAction.Viewed, $"team; items={Items.Count}" + (string.IsNullOrWhiteSpace(Child) ? "" : "; filtered by child name"));
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return Page();
    }
}
