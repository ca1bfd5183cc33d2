using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Safeguard.Identity;

namespace Safeguard.Web.Authorization;

/// <summary>Builds the policy for <c>permission:NAME</c>: a signed-in user holding that permission claim.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        var permission = PermissionPolicy.PermissionOf(policyName);
        if (permission is null)
        {
            return await base.GetPolicyAsync(policyName);
        }

        if (Permissions.Find(permission) is null)
        {
            return null;
        }

        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(SafeguardClaimTypes.Permission, permission)
            .Build();
    }
}
