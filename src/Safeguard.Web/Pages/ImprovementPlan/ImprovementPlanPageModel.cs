using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Calendar;
using Safeguard.ImprovementPlan;

namespace Safeguard.Web.Pages.ImprovementPlan;

/// <summary>What the improvement plan's pages share: ratings as coloured tags, the rating and period choices, dates.</summary>
public abstract class ImprovementPlanPageModel : SafeguardPageModel
{
    public static string LongDate(DateOnly? date) => date?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) ?? "";

    public static string When(DateTimeOffset instant) => UkTime.ToUkLocal(instant).ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A rating as a GOV.UK tag in its colour, with its definition for screen readers and on hover.</summary>
    public static IHtmlContent RatingTag(ProgressRating? rating)
    {
        if (rating is not { } r)
        {
            return new HtmlString("<strong class=\"govuk-tag govuk-tag--grey\">Not rated</strong>");
        }

        var colour = r switch
        {
            ProgressRating.MajorIssues => "red",
            ProgressRating.IssuesMayDelay => "orange",
            ProgressRating.OnTrack => "green",
            ProgressRating.Finished => "blue",
            _ => "grey",
        };
        var d = ProgressRatings.Of(r);
        return new HtmlString($"<strong class=\"govuk-tag govuk-tag--{colour}\" title=\"{WebUtility.HtmlEncode(d.Meaning)}\">{WebUtility.HtmlEncode(ProgressRatings.Name(r))}</strong>");
    }

    public static IEnumerable<Safeguard.Web.TagHelpers.RadioItem> RatingItems() =>
        ProgressRatings.Key.Select(d => new Safeguard.Web.TagHelpers.RadioItem(d.Rating.ToString(), ProgressRatings.Name(d.Rating), d.Meaning));

    public static IEnumerable<SelectListItem> PeriodItems(Plan plan, DateOnly today, string? selected) =>
        PlanPeriod.Between(plan.Frequency, plan.StartsOn, today < plan.EndsOn ? today : plan.EndsOn).Select(p => new SelectListItem(p.Name, p.Key, p.Key == selected));

    public static string StatusName(PlanActionStatus status) => ProgressReport.StatusName(status);

    public static IEnumerable<SelectListItem> StatusItems() =>
        Enum.GetValues<PlanActionStatus>().Select(s => new SelectListItem(StatusName(s), s.ToString()));

    /// <summary>
    /// The people who can lead a workstream or own an action, as choices; the one already named is kept as a choice
    /// (marked) when they are no longer an active user.
    /// </summary>
    public static IReadOnlyList<SelectListItem> PeopleItems(IReadOnlyList<(Guid Id, string Name, string Agency)> people, string prompt, Guid? current = null, string? currentName = null)
    {
        ArgumentNullException.ThrowIfNull(people);
        var items = new List<SelectListItem> { new(prompt, "") };
        if (current is { } id && people.All(p => p.Id != id))
        {
            items.Add(new SelectListItem($"{currentName} (no longer an active user)", id.ToString()));
        }

        items.AddRange(people.Select(u => new SelectListItem($"{u.Name} ({u.Agency})", u.Id.ToString())));
        return items;
    }

    public static string KindName(RatedItemKind kind) => kind switch
    {
        RatedItemKind.Outcome => "Outcome",
        RatedItemKind.Workstream => "Workstream",
        _ => "Milestone or action",
    };

    /// <summary>A rating typed into a form: period, rating and commentary, and the version of the item rated.</summary>
    public sealed class RateForm
    {
        public Guid? ItemId { get; set; }

        public string? Period { get; set; }

        public string? Rating { get; set; }

        public string? Commentary { get; set; }

        public int Version { get; set; }

        public RatingInput ToInput() => new(Period, ProgressRatings.Parse(Rating), Commentary);
    }
}
