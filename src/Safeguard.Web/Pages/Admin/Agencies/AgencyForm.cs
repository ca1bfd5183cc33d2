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

    public bool IsActive { get; set; } = true;

    public int Version { get; set; }

    public AgencyDetails ToDetails() => new(
        Name ?? "",
        Code ?? "",
        Enum.TryParse<AgencyType>(Type, out var type) ? type : (AgencyType)(-1),
        Enum.TryParse<StatutoryPartner>(StatutoryPartner, out var partner) ? partner : null);
}
