using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Html;
using Safeguard.Training;

namespace Safeguard.Web.Pages.Training;

/// <summary>What the training pages share: dates, a session's status and a delegate's attendance as tags, means and percentages.</summary>
public abstract class TrainingPageModel : SafeguardPageModel
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string LongDate(DateOnly? date) => date?.ToString("d MMMM yyyy", EnGb) ?? "";

    public static string Percent(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Mean(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    public static string WithSign(decimal? value) => value is { } v ? (v >= 0 ? "+" : "") + v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    public static string Where(TrainingSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Online ? "Online" : session.Venue ?? "";
    }

    public static string AttendanceName(Attendance attendance) => attendance switch
    {
        Attendance.Booked => "Booked",
        Attendance.Attended => "Attended",
        Attendance.DidNotAttend => "Did not attend",
        _ => "Cancelled",
    };

    public static IHtmlContent AttendanceTag(Attendance attendance)
    {
        var colour = attendance switch
        {
            Attendance.Booked => "blue",
            Attendance.Attended => "green",
            Attendance.DidNotAttend => "red",
            _ => "grey",
        };
        return new HtmlString($"<strong class=\"govuk-tag govuk-tag--{colour}\">{WebUtility.HtmlEncode(AttendanceName(attendance))}</strong>");
    }

    public static IHtmlContent StatusTag(SessionStatus status) => status switch
    {
        SessionStatus.Planned => new HtmlString("<strong class=\"govuk-tag govuk-tag--blue\">Planned</strong>"),
        SessionStatus.Delivered => new HtmlString("<strong class=\"govuk-tag govuk-tag--green\">Delivered</strong>"),
        _ => new HtmlString("<strong class=\"govuk-tag govuk-tag--grey\">Called off</strong>"),
    };
}
