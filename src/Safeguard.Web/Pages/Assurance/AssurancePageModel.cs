using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Html;
using Safeguard.Assurance;

namespace Safeguard.Web.Pages.Assurance;

/// <summary>What the assurance pages share: dates, an audit's status as a tag, and percentages.</summary>
public abstract class AssurancePageModel : SafeguardPageModel
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string LongDate(DateOnly? date) => date?.ToString("d MMMM yyyy", EnGb) ?? "";

    public static string Percent(decimal value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string StatusName(AuditStatus status) => status switch
    {
        AuditStatus.Planned => "Planned",
        AuditStatus.ReturnsOpen => "Returns open",
        AuditStatus.Completed => "Completed",
        _ => "Inconclusive",
    };

    public static IHtmlContent StatusTag(AuditStatus status)
    {
        var colour = status switch
        {
            AuditStatus.Planned => "grey",
            AuditStatus.ReturnsOpen => "blue",
            AuditStatus.Completed => "green",
            _ => "orange",
        };
        return new HtmlString($"<strong class=\"govuk-tag govuk-tag--{colour}\">{WebUtility.HtmlEncode(StatusName(status))}</strong>");
    }

    public static string ComparisonName(GradeComparison comparison) => comparison switch
    {
        GradeComparison.Agreed => "Agreed",
        GradeComparison.OverOptimistic => "Over-optimistic",
        _ => "Over-cautious",
    };

    public static IHtmlContent RagTag(RagRating? rating) => rating switch
    {
        RagRating.Red => new HtmlString("<strong class=\"govuk-tag govuk-tag--red\">Red</strong>"),
        RagRating.Amber => new HtmlString("<strong class=\"govuk-tag govuk-tag--yellow\">Amber</strong>"),
        RagRating.Green => new HtmlString("<strong class=\"govuk-tag govuk-tag--green\">Green</strong>"),
        _ => new HtmlString("<strong class=\"govuk-tag govuk-tag--grey\">Not rated</strong>"),
    };

    public static string RoundStatusName(SelfAssessmentStatus status) => status switch
    {
        SelfAssessmentStatus.Draft => "Draft",
        SelfAssessmentStatus.Open => "Returns open",
        _ => "Closed",
    };

    public static string OutcomeName(ChallengeOutcome outcome) => outcome switch
    {
        ChallengeOutcome.Accepted => "Accepted",
        ChallengeOutcome.RatingChanged => "Rating changed",
        _ => "Action added",
    };
}
