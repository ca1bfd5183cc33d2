using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Persistence;

namespace Safeguard.Web.Authorization;

/// <summary>
/// Ends a session as soon as its user's security stamp changes: every request's sign-in cookie is checked against
/// the stamp in the database (one read by key), so a copy of the cookie stops working the moment its user signs
/// out, is disabled, has two-factor authentication reset or has their roles or agency changed. Identity's own
/// validator then runs as before, rebuilding the cookie's claims at most once a minute.
/// </summary>
public static class SessionValidation
{
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var claimTypes = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;
        var stamp = principal?.FindFirstValue(claimTypes.SecurityStampClaimType);
        if (!Guid.TryParse(principal?.FindFirstValue(claimTypes.UserIdClaimType), out var userId) || string.IsNullOrEmpty(stamp))
        {
            await RejectAsync(context);
            return;
        }

        var db = services.GetRequiredService<SafeguardDbContext>();
        var current = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled })
            .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (current is null || current.IsDisabled || !string.Equals(current.SecurityStamp, stamp, StringComparison.Ordinal))
        {
            await RejectAsync(context);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static async Task RejectAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
