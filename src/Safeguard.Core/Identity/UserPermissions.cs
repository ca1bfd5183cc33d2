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

    /// <summary>
    /// The agency <paramref name="userId"/> answers for when they hold <paramref name="permission"/>; null when they do
    /// not, or are unknown. For due work an agency owes (returns, follow-ups), shown to its members who answer it.
    /// </summary>
    public static async Task<Guid?> AgencyAnsweringAsync(SafeguardDbContext db, Guid userId, Permission permission, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var agencyId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (Guid?)u.AgencyId).FirstOrDefaultAsync(cancellationToken);
        return agencyId is not null && await HoldsAsync(db, userId, permission, cancellationToken) ? agencyId : null;
    }
}
