using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Html;
using Safeguard.Governance;

namespace Safeguard.Web.Pages.Governance;

/// <summary>What the governance pages share: dates, percentages and tags for a meeting's and an action's status.</summary>
public abstract class GovernancePageModel : SafeguardPageModel
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string LongDate(DateOnly? date) => date?.ToString("d MMMM yyyy", EnGb) ?? "";

    public static string Percent(decimal? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "No meetings";

    public static IHtmlContent MeetingTag(MeetingStatus status) => status switch
    {
        MeetingStatus.Held => Tag("green", "Held"),
        MeetingStatus.Cancelled => Tag("grey", "Cancelled"),
        _ => Tag("blue", "Planned"),
    };

    public static IHtmlContent ActionTag(GovernanceAction action, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.IsOverdue(today) ? Tag("red", "Overdue")
            : action.Status switch
            {
                GovernanceActionStatus.Completed => Tag("green", "Completed"),
                GovernanceActionStatus.Dropped => Tag("grey", "Dropped"),
                GovernanceActionStatus.InProgress => Tag("blue", "In progress"),
                _ => Tag("yellow", "Open"),
            };
    }

    public static IHtmlContent QuoracyTag(Quoracy? quoracy) => quoracy?.IsQuorate switch
    {
        true => Tag("green", "Quorate"),
        false => Tag("red", "Not quorate"),
        _ => new HtmlString(""),
    };

    private static HtmlString Tag(string colour, string text) => new($"<strong class=\"govuk-tag govuk-tag--{colour}\">{WebUtility.HtmlEncode(text)}</strong>");
}
