using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Organisations;

namespace Safeguard.Web.Pages.Admin.Agencies;

public static class AgencyForm
{
    public static string TypeName(AgencyType type) => type switch
    {
        AgencyType.ChildrensSocialCare => "Children's social care",
        AgencyType.LocalAuthorityOther => "Local authority (other service)",
        AgencyType.Police => "Police",
        AgencyType.HealthCommissioner => "Health commissioner",
        AgencyType.HealthProvider => "Health provider",
        AgencyType.School => "School",
        AgencyType.EarlyYears => "Early years",
        AgencyType.FurtherEducation => "Further education",
        AgencyType.Probation => "Probation",
        AgencyType.YouthJustice => "Youth justice",
        AgencyType.Housing => "Housing",
        AgencyType.VoluntarySector => "Voluntary sector",
        _ => "Other",
    };

    public static string PartnerName(StatutoryPartner partner) => partner switch
    {
        StatutoryPartner.LocalAuthority => "Local authority",
        StatutoryPartner.Health => "Health (integrated care board)",
        _ => "Police",
    };

    public static string PhaseName(SchoolPhase phase) => phase switch
    {
        SchoolPhase.Nursery => "Nursery",
        SchoolPhase.Primary => "Primary",
        SchoolPhase.Secondary => "Secondary",
        SchoolPhase.AllThrough => "All-through",
        SchoolPhase.Special => "Special",
        SchoolPhase.AlternativeProvision => "Alternative provision",
        _ => "16 plus",
    };

    public static List<SelectListItem> PhaseItems() =>
        [new SelectListItem("Not a school", ""), .. Enum.GetValues<SchoolPhase>().Select(p => new SelectListItem(PhaseName(p), p.ToString()))];

    public static List<SelectListItem> TypeItems() =>
        [new SelectListItem("Select the kind of agency", ""), .. Enum.GetValues<AgencyType>().Select(t => new SelectListItem(TypeName(t), t.ToString()))];

    public static List<SelectListItem> PartnerItems() =>
        [new SelectListItem("Not a statutory partner", ""), .. Enum.GetValues<StatutoryPartner>().Select(p => new SelectListItem(PartnerName(p), p.ToString()))];
}

public sealed class AgencyInput
{
    public string? Name { get; set; }

    public string? Code { get; set; }

    public string? Type { get; set; }

    public string? StatutoryPartner { get; set; }

    public string? Phase { get; set; }

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public AgencyDetails ToDetails() => new(
        Name ?? "",
        Code ?? "",
        Enum.TryParse<AgencyType>(Type, out var type) ? type : (AgencyType)(-1),
        Enum.TryParse<StatutoryPartner>(StatutoryPartner, out var partner) ? partner : null,
        string.IsNullOrEmpty(Phase) ? null : Enum.TryParse<SchoolPhase>(Phase, out var phase) ? phase : (SchoolPhase)(-1));

    public static AgencyInput From(Agency agency) => new()
    {
        Name = agency.Name,
        Code = agency.Code,
        Type = agency.Type.ToString(),
        StatutoryPartner = agency.StatutoryPartner?.ToString(),
        Phase = agency.Phase?.ToString(),
        IsActive = agency.IsActive,
        Version = agency.Version,
    };
}
