using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.Teams;

[RequirePermission("admin.organisations")]
public sealed class EditModel(SafeguardDbContext db, OrganisationAdministration administration) : SafeguardPageModel
{
    [BindProperty]
    public TeamInput Input { get; set; } = new();

    public Team? Team { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new TeamInput { Name = Team!.Name, IsActive = Team.IsActive, Version = Team.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await administration.ChangeTeamAsync(id, Input.Version, Input.Name ?? "", Input.IsActive, Actor, cancellationToken);
            Notice = $"The team {Input.Name} is saved.";
            return Redirect($"/admin/agencies/{Team!.AgencyId}");
        }
        catch (SafeguardValidationException ex)
        {
            ShowProblems(ex);
        }
        catch (ConcurrencyConflictException ex)
        {
            ShowConflict(ex);
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Team = await db.Teams.AsNoTracking().Include(t => t.Agency).FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return Team is not null;
    }
}

public sealed class TeamInput
{
    public string? Name { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }
}
