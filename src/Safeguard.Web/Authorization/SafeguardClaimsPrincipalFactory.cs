using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Safeguard.Identity;

namespace Safeguard.Web.Authorization;

/// <summary>
/// Adds to the sign-in cookie what every request needs without a database read: the user's name and
/// agency, and whether they have set up two-factor authentication. Permissions come from the roles' claims.
/// </summary>
public sealed class SafeguardClaimsPrincipalFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    public const string TwoFactorEnrolledClaim = "safeguard:2fa";

    public static bool NeedsTwoFactorSetup(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var enrolled = user.FindFirst(TwoFactorEnrolledClaim)?.Value == "true";
        return !enrolled && user.FindAll(SafeguardClaimTypes.Permission).Any(c => Permissions.Find(c.Value)?.ExposesChildData == true);
    }

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SafeguardClaimTypes.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(SafeguardClaimTypes.AgencyId, user.AgencyId.ToString()));
        identity.AddClaim(new Claim(TwoFactorEnrolledClaim, user.TwoFactorEnabled ? "true" : "false"));
        return identity;
    }
}
