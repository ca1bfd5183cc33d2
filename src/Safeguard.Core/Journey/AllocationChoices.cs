using Safeguard.Identity;
using Safeguard.Organisations;
using Safeguard.Persistence;

namespace Safeguard.Journey;

/// <summary>
/// Who a child's casework may be allocated to: a team of an agency that holds casework (children's social
/// care) and, for a worker, a member of that team whose roles grant casework. The allocation page offers only
/// these, and <c>CaseworkService.AllocateAsync</c> refuses anything else.
/// </summary>
public static class AllocationChoices
{
    /// <summary>The agency types whose teams hold children's casework.</summary>
    public static bool HoldsCasework(AgencyType type) => type == AgencyType.ChildrensSocialCare;

    /// <summary>Active teams of active children's social care agencies.</summary>
    public static IQueryable<Team> Teams(SafeguardDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Teams.Where(t => t.IsActive && t.Agency!.IsActive && t.Agency.Type == AgencyType.ChildrensSocialCare);
    }

    /// <summary>The team's members who can sign in and hold a role granting casework (social workers, team managers).</summary>
    public static IQueryable<User> Workers(SafeguardDbContext db, Guid teamId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var casework = Permissions.ManageCasework.Name;
        var caseworkRoles = db.RoleClaims.Where(c => c.ClaimType == SafeguardClaimTypes.Permission && c.ClaimValue == casework).Select(c => c.RoleId);
        return db.Users.Where(u => !u.IsDisabled && u.TeamId == teamId
            && db.UserRoles.Any(r => r.UserId == u.Id && caseworkRoles.Contains(r.RoleId)));
    }
}
