using Microsoft.AspNetCore.Identity;
using Safeguard.Organisations;

namespace Safeguard.Identity;

/// <summary>A person who signs in to Safeguard. Every user belongs to an agency and has roles.</summary>
public sealed class User : IdentityUser<Guid>
{
    public User()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public required string DisplayName { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public Guid? TeamId { get; set; }

    public Team? Team { get; set; }

    /// <summary>A disabled user cannot sign in; the account is kept so the audit trail still names them.</summary>
    public bool IsDisabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Whether the user gets the daily digest of their work by email (the default) or none.</summary>
    public Reminders.ReminderPreference ReminderPreference { get; set; }

    /// <summary>
    /// The social worker's Social Work England registration number ("SW" and digits), null for staff who are not registered
    /// social workers: the SW_ID of the SSDA903 return's social worker episodes (docs/adr/0087). Unique.
    /// </summary>
    public string? SocialWorkEnglandNumber { get; set; }
}
