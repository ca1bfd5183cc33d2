using System.Globalization;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Identity;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>The "as at" field of a dataset page: what was typed, and what is wrong with it.</summary>
public sealed record AsAtField(string? Value, string? Error);

/// <summary>What the dataset and data return pages share.</summary>
public abstract class DatasetPageModel : SafeguardPageModel
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public bool CanManage => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ManageDataset.Name);

    /// <summary>The reader may see children's records, so a drill-down lists the children (audited).</summary>
    public bool ShowsChildren => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ViewPeople.Name);

    /// <summary>What a page says beside its "as at" field when the date cannot be read.</summary>
    public const string AsAtMessage = "Enter the date as yyyy-mm-dd, for example 2025-05-01";

    /// <summary>What a download answers (400) when its as-at cannot be read.</summary>
    public const string AsAtBadRequestMessage = "as-at must be a date such as 2025-05-01";

    /// <summary>
    /// Reads an "as at" date (yyyy-mm-dd) as the end of that UK day; blank is now (null). False when the text is
    /// not such a date.
    /// </summary>
    public static bool TryAsAt(string? text, out DateTimeOffset? asAt)
    {
        asAt = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }

        asAt = UkTime.EndOfDay(date);
        return true;
    }

    /// <summary>The reporting year asked for by its start year (2000 to 2100), or else <paramref name="current"/>.</summary>
    public static ReportingYear YearOr(int? startYear, ReportingYear current) =>
        startYear is >= 2000 and <= 2100 ? new ReportingYear(startYear.Value) : current;

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
