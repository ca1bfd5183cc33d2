using System.Globalization;
using Safeguard.Dataset;
using Safeguard.Identity;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>What the dataset and data return pages share.</summary>
public abstract class DatasetPageModel : SafeguardPageModel
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public bool CanManage => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ManageDataset.Name);

    public static string LongDate(DateOnly? date) => date?.ToString("d MMMM yyyy", EnGb) ?? "";

    /// <summary>A figure for a table: percentages with a % sign, nothing for an unknown value.</summary>
    public static string Figure(decimal? value, IndicatorUnit unit) => value is { } v
        ? DatasetExport.Normalise(v).ToString("#,##0.##", EnGb) + (unit == IndicatorUnit.Percentage ? "%" : "")
        : "";

    public static string Change(decimal? value, IndicatorUnit unit) => value switch
    {
        null => "",
        > 0 => "+" + Figure(value, unit),
        _ => Figure(value, unit),
    };

    public static string StatusTag(RequestStatus status) => status switch
    {
        RequestStatus.Late => "<strong class=\"govuk-tag govuk-tag--red\">Late</strong>",
        RequestStatus.Outstanding => "<strong class=\"govuk-tag govuk-tag--yellow\">Outstanding</strong>",
        RequestStatus.SubmittedLate => "<strong class=\"govuk-tag govuk-tag--blue\">Submitted late</strong>",
        _ => "<strong class=\"govuk-tag govuk-tag--green\">Submitted</strong>",
    };
}
