using Microsoft.EntityFrameworkCore;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.Users;

[RequirePermission("admin.users")]
public sealed class IndexModel(SafeguardDbContext db) : SafeguardPageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        Users = [.. (await db.Users.AsNoTracking().Include(u => u.Agency).Include(u => u.Team).OrderBy(u => u.DisplayName).ToListAsync(cancellationToken))
            .Select(u => new UserRow(u.Id, u.DisplayName, u.UserName ?? "", u.Agency?.Name ?? "", u.Team?.Name,
                string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name).Order(StringComparer.Ordinal)), u.IsDisabled, u.TwoFactorEnabled))];
    }
}

public sealed record UserRow(Guid Id, string DisplayName, string UserName, string Agency, string? Team, string Roles, bool IsDisabled, bool TwoFactorEnabled);
