using Safeguard.PrivateFostering;
using Safeguard.Timescales;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.PrivateFostering;

/// <summary>What the private fostering pages share: choices, dates and deadlines in words.</summary>
public static class PrivateFosteringForm
{
    public static List<RadioItem> Notifiers() =>
        [.. Enum.GetValues<PrivateFosteringNotifier>().Select(n => new RadioItem(n.ToString(), PrivateFosteringText.Describe(n)))];

    public static List<RadioItem> Decisions() =>
        [.. Enum.GetValues<PrivateFosteringDecision>().Select(d => new RadioItem(d.ToString(), PrivateFosteringText.Describe(d)))];

    public static List<RadioItem> EndReasons() =>
        [.. Enum.GetValues<PrivateFosteringEndReason>().Select(r => new RadioItem(r.ToString(), PrivateFosteringText.Describe(r)))];

    public static List<RadioItem> YesNo() => [new("yes", "Yes"), new("no", "No")];

    public static bool? Answer(string? value) => value switch { "yes" => true, "no" => false, _ => null };

    public static T? Parse<T>(string? value)
        where T : struct, Enum => Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "";

    /// <summary>A visit's deadline in words.</summary>
    public static string Due(DeadlineAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var due = Date(assessment.Deadline.DueDate);
        return assessment.Status switch
        {
            DeadlineStatus.Overdue => $"Overdue (due {due})",
            DeadlineStatus.DueToday => "Due today",
            DeadlineStatus.MetOnTime => $"On time (due {due})",
            DeadlineStatus.MetLate => $"Late (due {due})",
            _ => $"Due by {due}",
        };
    }

    /// <summary>The GOV.UK tag class for a deadline's status.</summary>
    public static string Tag(DeadlineAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Status switch
        {
            DeadlineStatus.Overdue or DeadlineStatus.MetLate => "govuk-tag govuk-tag--red",
            DeadlineStatus.DueToday or DeadlineStatus.DueSoon => "govuk-tag govuk-tag--yellow",
            DeadlineStatus.MetOnTime => "govuk-tag govuk-tag--green",
            _ => "govuk-tag govuk-tag--grey",
        };
    }
}
