using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Html;
using Safeguard.AnnualReport;
using Safeguard.Calendar;
using Safeguard.Common;

namespace Safeguard.Web.Pages.AnnualReport;

/// <summary>What the annual report's pages share: the years offered, dates, money and the edition's status as a tag.</summary>
public abstract class AnnualReportPageModel : SafeguardPageModel
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The earliest and latest reporting years a page accepts; others are not found.</summary>
    public const int FirstYear = 2000;

    public const int LastYear = 2200;

    public static bool Accepts(int year) => year is >= FirstYear and <= LastYear;

    public static string LongDate(DateOnly? date) => date?.ToString("d MMMM yyyy", EnGb) ?? "";

    public static string When(DateTimeOffset? instant) => instant is { } i ? UkTime.ToUkLocal(i).ToString("d MMMM yyyy HH:mm", EnGb) : "";

    public static string Pounds(decimal amount) => amount.ToString("£#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>The current reporting year and the two before it, newest first.</summary>
    public static IReadOnlyList<ReportingYear> RecentYears(DateOnly today)
    {
        var current = ReportingYear.Of(today);
        return [current, current.Previous, current.Previous.Previous];
    }

    public static string StatusName(AnnualReportEdition? edition) => edition?.Status switch
    {
        EditionStatus.InReview when edition.SignOffs.Count > 0 => $"In review: signed off by {edition.SignOffs.Count} of 3",
        EditionStatus.InReview => "In review",
        EditionStatus.Published => "Published",
        _ => "Draft",
    };

    public static IHtmlContent StatusTag(AnnualReportEdition? edition)
    {
        var colour = edition?.Status switch
        {
            EditionStatus.InReview => "blue",
            EditionStatus.Published => "green",
            _ => "grey",
        };
        return new HtmlString($"<strong class=\"govuk-tag govuk-tag--{colour}\">{WebUtility.HtmlEncode(StatusName(edition))}</strong>");
    }

    /// <summary>The partner's name with a capital, for a table cell or a radio ("The police").</summary>
    public static string PartnerTitle(Organisations.StatutoryPartner partner)
    {
        var name = AnnualReportService.PartnerName(partner);
        return char.ToUpperInvariant(name[0]) + name[1..];
    }
}
