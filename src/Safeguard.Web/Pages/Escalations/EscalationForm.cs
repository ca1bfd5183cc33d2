using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Escalations;
using Safeguard.Timescales;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Escalations;

/// <summary>What the escalation pages share: choices, dates and the current stage's clock in words.</summary>
public static class EscalationForm
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", UkCulture) ?? "";

    public static List<RadioItem> ThemeRadios() => [.. Enum.GetValues<EscalationTheme>().Select(t => new RadioItem(t.ToString(), EscalationText.Describe(t)))];

    public static List<SelectListItem> ThemeItems(string empty) => [new(empty, ""), .. Enum.GetValues<EscalationTheme>().Select(t => new SelectListItem(EscalationText.Describe(t), t.ToString()))];

    public static List<SelectListItem> StageItems(string empty) => [new(empty, ""), .. Enumerable.Range(1, Escalation.LastStage).Select(n => new SelectListItem(EscalationText.StageName(n), n.ToString(CultureInfo.InvariantCulture)))];

    public static List<RadioItem> OutcomeRadios() =>
    [
        new(nameof(EscalationOutcome.Resolved), EscalationText.Describe(EscalationOutcome.Resolved), "The agencies agreed a way forward"),
        new(nameof(EscalationOutcome.NotResolved), EscalationText.Describe(EscalationOutcome.NotResolved), "No agreement, even at the last stage reached"),
        new(nameof(EscalationOutcome.Withdrawn), EscalationText.Describe(EscalationOutcome.Withdrawn), "The agency that raised it withdrew it"),
    ];

    public static T? Parse<T>(string? value)
        where T : struct, Enum => Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;

    /// <summary>The current stage's clock in words.</summary>
    public static string Clock(DeadlineAssessment? assessment) => assessment switch
    {
        null => "Closed",
        { Status: DeadlineStatus.Overdue } a => $"Overdue: was due {Date(a.Deadline.DueDate)}",
        { Status: DeadlineStatus.DueToday } => "Due today",
        { } a => $"Due {Date(a.Deadline.DueDate)}",
    };

    public static string Tag(DeadlineAssessment? assessment) => assessment?.Status switch
    {
        null => "govuk-tag govuk-tag--grey",
        DeadlineStatus.Overdue => "govuk-tag govuk-tag--red",
        DeadlineStatus.DueToday or DeadlineStatus.DueSoon => "govuk-tag govuk-tag--yellow",
        _ => "govuk-tag govuk-tag--blue",
    };

    public static string Percent(decimal? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";
}
