using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.FrontDoor;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Web.Pages.People;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.FrontDoor;

/// <summary>What the front door's pages share: lists to pick from, reading a date and time, and showing instants and clocks.</summary>
public static class FrontDoorForm
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static async Task<List<SelectListItem>> AgenciesAsync(SafeguardDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(cancellationToken);
        return [new SelectListItem("Select an agency", ""), .. agencies.Select(a => new SelectListItem(a.Name, a.Id.ToString()))];
    }

    public static List<SelectListItem> ReferralSourceItems() =>
        [new SelectListItem("Select the referral source", ""), .. ReferralSources.All.Select(s => new SelectListItem(ReferralSources.Describe(s.Code), s.Code))];

    public static List<RadioItem> ConsentRadios() =>
        [.. Enum.GetValues<ConsentPosition>().Select(c => new RadioItem(c.ToString(), FrontDoorText.Describe(c)))];

    public static List<RadioItem> DecisionRadios() =>
        [.. Enum.GetValues<ContactDecision>().Select(d => new RadioItem(d.ToString(), FrontDoorText.Describe(d)))];

    public static List<RadioItem> PriorityRadios() =>
        [.. Enum.GetValues<RagPriority>().Select(p => new RadioItem(p.ToString(), FrontDoorText.Describe(p)))];

    public static List<SelectListItem> LawfulBasisItems() =>
        [new SelectListItem("None (not shared)", ""), .. Enum.GetValues<LawfulBasis>().Select(b => new SelectListItem(FrontDoorText.Describe(b), b.ToString()))];

    /// <summary>A UK date and a time (like 14:30) as an instant; null with an error when not a real date and time.</summary>
    public static DateTimeOffset? ParseInstant(string? day, string? month, string? year, string? time, string label, out string? error)
    {
        var date = PeopleForm.ParseDate(day, month, year, label, out error);
        if (error is not null)
        {
            return null;
        }

        if (date is null)
        {
            error = $"Enter the {label}";
            return null;
        }

        if (!TimeOnly.TryParseExact(time?.Trim() ?? "", ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            error = $"Enter the time of the {label} using the 24-hour clock, like 14:30";
            return null;
        }

        if (!UkTime.TryFromUkLocal(date.Value.ToDateTime(t), out var instant, out var problem))
        {
            error = problem;
            return null;
        }

        return instant;
    }

    public static string Show(DateTimeOffset instant) => UkTime.ToUkLocal(instant).ToString("d MMMM yyyy, HH:mm", UkCulture);

    public static string Show(DateOnly date) => date.ToString("d MMMM yyyy", UkCulture);

    /// <summary>The 1-working-day clock in words: when it is due and where it stands.</summary>
    public static string Clock(DeadlineAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var due = $"due by the end of {assessment.Deadline.DueDate.ToString("dddd d MMMM", UkCulture)}";
        return assessment.Status switch
        {
            DeadlineStatus.Overdue => $"Overdue: was {due}" + (assessment.WorkingDaysLate > 0 ? $" ({assessment.WorkingDaysLate} working day{(assessment.WorkingDaysLate == 1 ? "" : "s")} late)" : ""),
            DeadlineStatus.DueToday => "Due today",
            DeadlineStatus.MetOnTime => "Decided on time",
            DeadlineStatus.MetLate => "Decided late",
            _ => $"{char.ToUpperInvariant(due[0])}{due[1..]} ({assessment.WorkingDaysRemaining} working day{(assessment.WorkingDaysRemaining == 1 ? "" : "s")} left)",
        };
    }

    public static string Tag(DeadlineAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Status switch
        {
            DeadlineStatus.Overdue or DeadlineStatus.MetLate => "govuk-tag govuk-tag--red",
            DeadlineStatus.DueToday => "govuk-tag govuk-tag--orange",
            DeadlineStatus.MetOnTime => "govuk-tag govuk-tag--green",
            _ => "govuk-tag govuk-tag--blue",
        };
    }

    public static string PriorityTag(RagPriority? priority) => priority switch
    {
        RagPriority.Red => "govuk-tag govuk-tag--red",
        RagPriority.Amber => "govuk-tag govuk-tag--orange",
        RagPriority.Green => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--grey",
    };

    /// <summary>The name a Core problem's field has on a page whose form model is <c>Input</c>.</summary>
    public static string FieldFor(string field) => field switch
    {
        "" => "",
        "ReceivedAt" => "Input.Received",
        "DecidedAt" => "Input.Decided",
        _ when field.StartsWith("Children", StringComparison.Ordinal) => "Children",
        _ => "Input." + field,
    };
}
