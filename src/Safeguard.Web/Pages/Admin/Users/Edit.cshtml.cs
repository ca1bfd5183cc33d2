using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Common;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.Users;

[RequirePermission("admin.users")]
public sealed class EditModel(SafeguardDbContext db, UserManager<User> users, UserAdministration administration) : SafeguardPageModel
{
    [BindProperty]
    public EditUserInput Input { get; set; } = new();

    [BindProperty]
    public string? Reason { get; set; }

    public User? Person { get; private set; }

    public List<SelectListItem> Agencies { get; private set; } = [];

    public List<SelectListItem> Teams { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await FillFromPersonAsync();
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
            var agencyId = Guid.TryParse(Input.AgencyId, out var a) ? a : Guid.Empty;
            Guid? teamId = Guid.TryParse(Input.TeamId, out var t) ? t : null;
            await administration.ChangeAsync(id, new UserChange(Input.DisplayName ?? "", agencyId, teamId, Input.Roles, Input.ConcurrencyStamp, Input.SocialWorkEnglandNumber), Actor, cancellationToken);
            Notice = $"The changes to {Input.DisplayName} are saved.";
            return Redirect("/admin/users");
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

    public async Task<IActionResult> OnPostDisableAsync(Guid id, bool disable, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), disable ? "Enter why you are disabling this user" : "Enter why you are enabling this user");
            await FillFromPersonAsync();
            return Page();
        }

        try
        {
            await administration.SetDisabledAsync(id, disable, Actor, Reason, cancellationToken);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or SafeguardValidationException)
        {
            ModelState.AddModelError(nameof(Reason), ex is SafeguardValidationException v ? v.Problems[0].Message : ex.Message);
            await FillFromPersonAsync();
            return Page();
        }

        Notice = disable ? $"{Person!.DisplayName} is disabled and signed out." : $"{Person!.DisplayName} can sign in again.";
        return Redirect("/admin/users");
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Enter why you are resetting two-factor authentication");
            await FillFromPersonAsync();
            return Page();
        }

        try
        {
            await administration.ResetTwoFactorAsync(id, Actor, Reason, cancellationToken);
        }
        catch (Exception ex) when (ex is ConcurrencyConflictException or SafeguardValidationException)
        {
            ModelState.AddModelError(nameof(Reason), ex is SafeguardValidationException v ? v.Problems[0].Message : ex.Message);
            await FillFromPersonAsync();
            return Page();
        }

        Notice = $"{Person!.DisplayName}'s two-factor authentication is reset. They will set it up again when they next sign in.";
        return Redirect("/admin/users");
    }

    private async Task FillFromPersonAsync() => Input = new EditUserInput
    {
        DisplayName = Person!.DisplayName,
        AgencyId = Person.AgencyId.ToString(),
        TeamId = Person.TeamId?.ToString(),
        SocialWorkEnglandNumber = Person.SocialWorkEnglandNumber,
        Roles = [.. await users.GetRolesAsync(Person)],
        ConcurrencyStamp = Person.ConcurrencyStamp,
    };

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Person = await db.Users.AsNoTracking().Include(u => u.Agency).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (Person is null)
        {
            return false;
        }

        Agencies = [.. await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new SelectListItem(a.Name, a.Id.ToString())).ToListAsync(cancellationToken)];
        Teams = await UserForm.TeamItemsAsync(db, cancellationToken);
        return true;
    }
}

public sealed class EditUserInput
{
    public string? DisplayName { get; set; }

    public string? AgencyId { get; set; }

    public string? TeamId { get; set; }

    /// <summary>The social worker's Social Work England registration number (the SSDA903 return's SW_ID).</summary>
    public string? SocialWorkEnglandNumber { get; set; }

    public List<string> Roles { get; set; } = [];

    public string? ConcurrencyStamp { get; set; }
}
