using Safeguard.Common;

namespace Safeguard.Organisations;

/// <summary>
/// An organisation in the partnership: the council's children's social care, the police, the health
/// commissioner, a hospital trust, a school, a voluntary sector partner. Every user belongs to one.
/// </summary>
public sealed class Agency : Entity
{
    public required string Name { get; set; }

    /// <summary>Short unique code used in imports, the CLI and API keys (for example <c>CSC</c>, <c>POLICE</c>).</summary>
    public required string Code { get; set; }

    public AgencyType Type { get; set; }

    /// <summary>Which of the three statutory safeguarding partners this agency speaks for, if any.</summary>
    public StatutoryPartner? StatutoryPartner { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>A school's phase (primary, secondary...): how section 175 return rates are broken down; null for other agencies.</summary>
    public SchoolPhase? Phase { get; set; }

    public List<Team> Teams { get; set; } = [];
}

public enum AgencyType
{
    ChildrensSocialCare,
    LocalAuthorityOther,
    Police,
    HealthCommissioner,
    HealthProvider,
    School,
    EarlyYears,
    FurtherEducation,
    Probation,
    YouthJustice,
    Housing,
    VoluntarySector,
    Other,
}

/// <summary>A school's phase of education, as Get Information about Schools gives it.</summary>
public enum SchoolPhase
{
    Nursery,
    Primary,
    Secondary,
    AllThrough,
    Special,
    AlternativeProvision,
    PostSixteen,
}

/// <summary>The three safeguarding partners with an equal statutory duty (Children Act 2004 s16E).</summary>
public enum StatutoryPartner
{
    LocalAuthority,
    Health,
    Police,
}
