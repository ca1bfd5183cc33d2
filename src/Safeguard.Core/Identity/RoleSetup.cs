using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Persistence;

namespace Safeguard.Identity;

/// <summary>
/// Keeps the roles and their permission grants in the database the same as <see cref="Roles.Defaults"/>.
/// Run at start-up and by the CLI; every change it makes is audited under the process <c>Roles.Sync</c>.
/// </summary>
public static class RoleSetup
{
    public static async Task<int> SyncAsync(SafeguardDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Roles.ToListAsync(cancellationToken);
        var claims = await db.RoleClaims.Where(c => c.ClaimType == SafeguardClaimTypes.Permission).ToListAsync(cancellationToken);
        using var process = db.BeginProcess("Roles.Sync", Actor.System());
        foreach (var definition in Roles.Defaults)
        {
            var role = existing.FirstOrDefault(r => r.Name == definition.Name);
            if (role is null)
            {
                role = new Role { Name = definition.Name, NormalizedName = definition.Name.ToUpperInvariant(), Description = definition.Description, ConcurrencyStamp = Guid.NewGuid().ToString() };
                db.Roles.Add(role);
            }
            else if (role.Description != definition.Description)
            {
                role.Description = definition.Description;
            }

            var granted = claims.Where(c => c.RoleId == role.Id).ToList();
            foreach (var permission in definition.Permissions.Where(p => granted.All(g => g.ClaimValue != p.Name)))
            {
                db.RoleClaims.Add(new Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>
                {
                    RoleId = role.Id,
                    ClaimType = SafeguardClaimTypes.Permission,
                    ClaimValue = permission.Name,
                });
            }

            db.RoleClaims.RemoveRange(granted.Where(g => definition.Permissions.All(p => p.Name != g.ClaimValue)));
        }

        return await db.SaveChangesAsync(cancellationToken);
    }

    public static Claim PermissionClaim(Permission permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return new Claim(SafeguardClaimTypes.Permission, permission.Name);
    }
}
