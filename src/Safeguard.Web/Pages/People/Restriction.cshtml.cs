using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.People;

/// <summary>
/// Restricting a record to named users, changing who is on its list, and lifting the restriction; each needs a
/// reason and is audited. The page shows who may see the record now and who restricted or lifted it, when and why.
/// </summary>
[RequirePermission("people.manage")]
public sealed class RestrictionModel(RecordRestriction restriction) : SafeguardPageModel
{
    public const string Restrict = "restrict";
    public const string Lift = "lift";

    [BindProperty]
    public string? Action { get; set; }

    /// <summary>The user names who may see the record, one per line (the person making the change is always added).</summary>
    [BindProperty]
    public string? Users { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int Version { get; set; }

    public RestrictionView View { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Version = View.Version;
        Action = View.IsRestricted ? Restrict : null;
        Users = string.Join('\n', View.Users.Select(u => u.UserName));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (Action is not (Restrict or Lift))
        {
            ModelState.AddModelError(nameof(Action), "Select whether to restrict the record or lift its restriction");
        }

        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Say why the record's access is being changed");
        }
        else if (Reason.Trim().Length > 2000)
        {
            ModelState.AddModelError(nameof(Reason), "The reason must be 2000 characters or fewer");
        }

        if (ModelState.IsValid)
        {
            try
            {
                var names = Action == Lift ? null : (Users ?? "").Split(['\n', '\r', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                await restriction.SetAsync(id, Version, names, Reason!, Actor, cancellationToken);
                Notice = Action == Lift ? "The restriction is lifted: everyone who may see children's records can find this record." : "The record is restricted to the people listed.";
                return Redirect($"/people/{id}/restriction");
            }
            catch (SafeguardValidationException ex)
            {
                foreach (var problem in ex.Problems)
                {
                    ModelState.AddModelError(problem.Field is "Users" or "Reason" ? problem.Field : "", problem.Message);
                }
            }
            catch (ConcurrencyConflictException ex)
            {
                ShowConflict(ex);
            }
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var view = await restriction.GetAsync(id, Actor, cancellationToken);
        if (view is null)
        {
            return false;
        }

        View = view;
        return true;
    }
}
