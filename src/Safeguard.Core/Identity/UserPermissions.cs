using Microsoft.EntityFrameworkCore;
using Safeguard.Persistence;

namespace Safeguard.Identity;

/// <summary>What a user may do, read from their roles' grants in the database (for hosts without a signed-in principal, such as the CLI).</summary>
public static class UserPermissions
{
    public static async Task<bool> HoldsAsync(SafeguardDbContext db, Guid userId, Permission permission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(permission);
        return await (from userRole in db.UserRoles
                      join claim in db.RoleClaims on userRole.RoleId equals claim.RoleId
                      where userRole.UserId == userId && claim.ClaimType == SafeguardClaimTypes.Permission && claim.ClaimValue == permission.Name
                      select claim.Id).AnyAsync(cancellationToken);
    }
}
