using Microsoft.AspNetCore.Identity;

namespace Safeguard.Identity;

/// <summary>A role groups permissions. Its permissions are stored as role claims of type <see cref="SafeguardClaimTypes.Permission"/>.</summary>
public sealed class Role : IdentityRole<Guid>
{
    public Role()
    {
        Id = Guid.CreateVersion7();
    }

    public string Description { get; set; } = "";
}
