using System.Globalization;
using Safeguard.Calendar;
using Safeguard.Dataset;
using Safeguard.Identity;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>The "as at" field of a dataset page (a GOV.UK date input): the day, month and year shown, and what is wrong.</summary>
public sealed record AsAtField(string? Day, string? Month, string? Year, string? Error);

/// <summary>What the dataset and data return pages share.</summary>
public abstract class DatasetPageModel : SafeguardPageModel
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public bool CanManage => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ManageDataset.Name);

    /// <summary>The reader may see children's records, so a drill-down lists the children (audited).</summary>
    public bool ShowsChildren => User.HasClaim(SafeguardClaimTypes.Permission, Permissions.ViewPeople.Name);

    /// <summary>What a page says beside its "as at" field when a link's as-at date cannot be read.</summary>
    public const string AsAtMessage = "The as at date must be a real date, for example 1 5 2025";

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

    /// <summary>
    /// Reads the page's "as at" date: the date input's day, month and year (<c>as-at-day</c>, <c>as-at-month</c>,
    /// <c>as-at-year</c>) when any is filled in, else the links' <c>as-at</c> (yyyy-mm-dd). Answers the date as
    /// yyyy-mm-dd for the page's links (null when blank or wrong), the field to show, and the end of that UK day.
    /// </summary>
    protected AsAtField ReadAsAt(string? asAtText, out string? asAtValue, out DateTimeOffset? asAt)
    {
        var day = Request.Query["as-at-day"].ToString();
        var month = Request.Query["as-at-month"].ToString();
        var year = Request.Query["as-at-year"].ToString();
        asAtValue = null;
        asAt = null;
        string? error;
        DateOnly? date;
        if (day.Length + month.Length + year.Length > 0)
        {
            date = People.PeopleForm.ParseDate(day, month, year, "as at date", out error);
        }
        else if (TryAsAt(asAtText, out var fromLink))
        {
            date = fromLink is null ? null : UkTime.ToUkDate(fromLink.Value);
            error = null;
        }
        else
        {
            return new AsAtField(null, null, null, AsAtMessage);
        }

        if (error is not null)
        {
            return new AsAtField(day, month, year, error);
        }

        if (date is { } d)
        {
            asAtValue = d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            asAt = UkTime.EndOfDay(d);
            return new AsAtField(d.Day.ToString(CultureInfo.InvariantCulture), d.Month.ToString(CultureInfo.InvariantCulture), d.Year.ToString(CultureInfo.InvariantCulture), null);
        }

        return new AsAtField(null, null, null, null);
    }

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
