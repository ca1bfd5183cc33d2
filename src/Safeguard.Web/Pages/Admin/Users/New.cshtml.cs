using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.Users;

[RequirePermission("admin.users")]
public sealed class NewModel(SafeguardDbContext db, UserAdministration administration) : SafeguardPageModel
{
    /// <summary>The form's fields for the problems UserAdministration names differently, so each error sits beside its field.</summary>
    private static readonly Dictionary<string, string> FormFields = new() { ["Agency"] = "AgencyCode", ["Team"] = "TeamId" };

    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public List<SelectListItem> Agencies { get; private set; } = [];

    public List<SelectListItem> Teams { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        string? teamName = null;
        if (Guid.TryParse(Input.TeamId, out var teamId))
        {
            var team = await db.Teams.Include(t => t.Agency).FirstOrDefaultAsync(t => t.Id == teamId, cancellationToken);
            if (team is not null && team.Agency!.Code != Input.AgencyCode)
            {
                ModelState.AddModelError("Input.TeamId", "Select a team in the user's agency");
            }

            teamName = team?.Name;
        }

        if (ModelState.IsValid)
        {
            try
            {
                var user = await administration.CreateAsync(
                    new NewUser(Input.UserName ?? "", Input.DisplayName ?? "", Input.Email ?? "", Input.AgencyCode ?? "", Input.Roles, Input.Password ?? "", teamName),
                    Actor,
                    cancellationToken);
                Notice = $"{user.DisplayName} can now sign in as {user.UserName}. They will set up two-factor authentication at their first sign-in.";
                return Redirect("/admin/users");
            }
            catch (SafeguardValidationException ex)
            {
                ShowProblems(ex, fields: FormFields);
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Agencies = await UserForm.AgencyItemsAsync(db, cancellationToken);
        Teams = await UserForm.TeamItemsAsync(db, cancellationToken);
    }
}

public sealed class NewUserInput
{
    public string? UserName { get; set; }

    public string? DisplayName { get; set; }

    public string? Email { get; set; }

    public string? AgencyCode { get; set; }

    public string? TeamId { get; set; }

    public List<string> Roles { get; set; } = [];

    public string? Password { get; set; }
}
