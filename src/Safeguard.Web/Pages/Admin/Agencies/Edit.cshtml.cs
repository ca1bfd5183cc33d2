using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.Agencies;

[RequirePermission("admin.organisations")]
public sealed class EditModel(SafeguardDbContext db, OrganisationAdministration administration) : SafeguardPageModel
{
    [BindProperty]
    public AgencyInput Input { get; set; } = new();

    [BindProperty]
    public string? NewTeamName { get; set; }

    public Agency? Agency { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = AgencyInput.From(Agency!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await administration.ChangeAgencyAsync(id, Input.Version, Input.ToDetails(), Input.IsActive, Actor, cancellationToken);
            Notice = "The agency's changes are saved.";
            return Redirect("/admin/agencies");
        }
        catch (SafeguardValidationException ex)
        {
            ShowProblems(ex);
        }
        catch (ConcurrencyConflictException ex)
        {
            ShowConflict(ex);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAddTeamAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var team = await administration.CreateTeamAsync(id, NewTeamName ?? "", Actor, cancellationToken);
            Notice = $"The team {team.Name} is added.";
            return Redirect($"/admin/agencies/{id}");
        }
        catch (SafeguardValidationException ex)
        {
            ShowProblems(ex, prefix: "NewTeam");
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = AgencyInput.From(Agency!);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Agency = await db.Agencies.AsNoTracking().Include(a => a.Teams).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return Agency is not null;
    }
}
