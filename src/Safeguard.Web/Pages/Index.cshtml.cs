using System.Security.Claims;
using Safeguard.Identity;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages;

[RequirePermission("service.use")]
public sealed class IndexModel : SafeguardPageModel
{
    public IReadOnlyList<NavigationLink> Tasks { get; private set; } = [];

    public IReadOnlyList<RoleDefinition> MyRoles { get; private set; } = [];

    public string DisplayName { get; private set; } = "";

    public void OnGet()
    {
        DisplayName = User.FindFirstValue(SafeguardClaimTypes.DisplayName) ?? User.Identity?.Name ?? "";
        Tasks = [.. Navigation.For(User).Where(l => l.Href != "/")];
        MyRoles = [.. User.FindAll(ClaimTypes.Role).Select(r => Roles.Find(r.Value)).OfType<RoleDefinition>()];
    }
}
