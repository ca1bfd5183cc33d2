using System.Security.Claims;
using Safeguard.Identity;

namespace Safeguard.Auditing;

/// <summary>Who did something: a signed-in user, an API client, or the system itself (a CLI command, start-up).</summary>
public sealed record Actor(Guid? UserId, string Name, Guid? AgencyId)
{
    public static Actor System(string name = "system") => new(null, name, null);

    public static Actor Anonymous { get; } = new(null, "anonymous", null);

    public static Actor FromPrincipal(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var id = Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) ? userId : (Guid?)null;
        var agency = Guid.TryParse(principal.FindFirstValue(SafeguardClaimTypes.AgencyId), out var agencyId) ? agencyId : (Guid?)null;
        return new Actor(id, principal.FindFirstValue(SafeguardClaimTypes.DisplayName) ?? principal.Identity.Name ?? "unknown", agency);
    }
}
