using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Lado;
using Safeguard.Timescales;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Lado;

/// <summary>What the LADO pages share: choices, dates and deadlines in words.</summary>
public static class LadoForm
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", UkCulture) ?? "";

    public static List<RadioItem> SectorRadios() => [.. Enum.GetValues<LadoSector>().Select(s => new RadioItem(s.ToString(), LadoText.Describe(s)))];

    public static List<SelectListItem> SectorItems(string empty) => [new(empty, ""), .. Enum.GetValues<LadoSector>().Select(s => new SelectListItem(LadoText.Describe(s), s.ToString()))];

    public static List<SelectListItem> CategoryItems(string empty) => [new(empty, ""), .. Enum.GetValues<LadoCategory>().Select(s => new SelectListItem(LadoText.Describe(s), s.ToString()))];

    public static List<RadioItem> CategoryRadios() =>
    [
        new(nameof(LadoCategory.Harm), LadoText.Describe(LadoCategory.Harm), "Behaved in a way that has harmed a child, or may have harmed a child"),
        new(nameof(LadoCategory.PossibleOffence), LadoText.Describe(LadoCategory.PossibleOffence), "Possibly committed a criminal offence against or related to a child"),
        new(nameof(LadoCategory.BehaviourTowardsChild), LadoText.Describe(LadoCategory.BehaviourTowardsChild), "Behaved towards a child or children in a way that indicates they may pose a risk of harm to children"),
        new(nameof(LadoCategory.TransferableRisk), LadoText.Describe(LadoCategory.TransferableRisk), "Behaved or may have behaved in a way that indicates they may not be suitable to work with children"),
    ];

    public static List<RadioItem> DecisionRadios() =>
    [
        new(nameof(LadoDecision.ThresholdMet), LadoText.Describe(LadoDecision.ThresholdMet), "Managed under the allegations procedure"),
        new(nameof(LadoDecision.AdviceOnly), LadoText.Describe(LadoDecision.AdviceOnly), "Below the threshold: advice given to the employer"),
    ];

    public static List<RadioItem> OutcomeRadios() =>
    [
        new(nameof(LadoOutcome.Substantiated), "Substantiated", "There is sufficient evidence to prove the allegation"),
        new(nameof(LadoOutcome.False), "False", "There is sufficient evidence to disprove the allegation"),
        new(nameof(LadoOutcome.Malicious), "Malicious", "There is sufficient evidence to disprove the allegation and a deliberate act to deceive"),
        new(nameof(LadoOutcome.Unfounded), "Unfounded", "There is no evidence or proper basis which supports the allegation"),
        new(nameof(LadoOutcome.Unsubstantiated), "Unsubstantiated", "There is insufficient evidence either to prove or disprove the allegation"),
    ];

    public static List<RadioItem> YesNo() => [new("yes", "Yes"), new("no", "No")];

    /// <summary>A deadline in words: due, due today, overdue by, or done.</summary>
    public static string Clock(DeadlineAssessment? assessment) => assessment switch
    {
        null => "",
        { Status: DeadlineStatus.Overdue } a => $"Overdue: was due {Date(a.Deadline.DueDate)}",
        { Status: DeadlineStatus.DueToday } => "Due today",
        { Status: DeadlineStatus.DueSoon or DeadlineStatus.NotYetDue } a => $"Due {Date(a.Deadline.DueDate)}",
        { Status: DeadlineStatus.MetLate } a => $"Done late (due {Date(a.Deadline.DueDate)})",
        { } a => $"Done in time (due {Date(a.Deadline.DueDate)})",
    };

    public static string Tag(DeadlineAssessment? assessment) => assessment?.Status switch
    {
        DeadlineStatus.Overdue or DeadlineStatus.MetLate => "govuk-tag govuk-tag--red",
        DeadlineStatus.DueToday or DeadlineStatus.DueSoon => "govuk-tag govuk-tag--yellow",
        DeadlineStatus.NotYetDue => "govuk-tag govuk-tag--blue",
        _ => "govuk-tag govuk-tag--green",
    };

    public static T? Parse<T>(string? value)
        where T : struct, Enum => Enum.TryParse<T>(value, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
