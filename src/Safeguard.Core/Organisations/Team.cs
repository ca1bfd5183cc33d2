using Safeguard.Common;

namespace Safeguard.Organisations;

/// <summary>A team inside an agency (for example the MASH, an assessment team, a child protection team).</summary>
public sealed class Team : Entity
{
    public required string Name { get; set; }

    public Guid AgencyId { get; set; }

    public Agency? Agency { get; set; }

    public bool IsActive { get; set; } = true;
}
