using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Identity;
using Safeguard.Persistence;

namespace Safeguard.Web.Pages.Admin.Users;

/// <summary>The choices the user pages offer: agencies, teams and roles.</summary>
public static class UserForm
{
    public static async Task<List<SelectListItem>> AgencyItemsAsync(SafeguardDbContext db, CancellationToken cancellationToken) =>
        [new SelectListItem("Select an agency", ""), .. await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name)
            .Select(a => new SelectListItem(a.Name, a.Code)).ToListAsync(cancellationToken)];

    public static async Task<List<SelectListItem>> TeamItemsAsync(SafeguardDbContext db, CancellationToken cancellationToken) =>
        [new SelectListItem("No team", ""), .. await db.Teams.AsNoTracking().Where(t => t.IsActive).OrderBy(t => t.Agency!.Name).ThenBy(t => t.Name)
            .Select(t => new SelectListItem(t.Agency!.Name + ": " + t.Name, t.Id.ToString())).ToListAsync(cancellationToken)];

    public static List<SelectListItem> RoleItems() =>
        [.. Roles.Defaults.Select(r => new SelectListItem($"{r.Name}: {r.Description}", r.Name))];
}
