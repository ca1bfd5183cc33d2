using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Interchange.Cin;
using Safeguard.Journey;
using Safeguard.Timescales;
using Safeguard.Web.TagHelpers;

namespace Safeguard.Web.Pages.Casework;

/// <summary>The census code lists as the casework forms offer them, and how deadlines are shown.</summary>
public static class CaseworkForm
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static IReadOnlyDictionary<string, string> ReferralSources => CensusCodes.ReferralSources;

    public static IReadOnlyDictionary<string, string> PrimaryNeeds => CensusCodes.PrimaryNeeds;

    public static IReadOnlyDictionary<string, string> Categories => CensusCodes.Categories;

    public static IReadOnlyDictionary<string, string> Reasons => CensusCodes.Reasons;

    /// <summary>A factor code with what it means, from <see cref="CensusCodes"/>: "Domestic abuse (parent or carer) (3B)".</summary>
    public static string Factor(string code) => CensusCodes.DescribeFactor(code);

    public static List<SelectListItem> Items(IReadOnlyDictionary<string, string> codes, string prompt) =>
        [new SelectListItem(prompt, ""), .. codes.Select(c => new SelectListItem(CensusCodes.Describe(codes, c.Key), c.Key))];

    /// <summary>A short code list as radios: each choice in words with its census code, like "Adopted (RC1)".</summary>
    public static List<RadioItem> Radios(IReadOnlyDictionary<string, string> codes) =>
        [.. codes.Select(c => new RadioItem(c.Key, $"{c.Value} ({c.Key})"))];

    public static List<SelectListItem> FactorItems() =>
        [.. CinReferenceData.For(JourneyRules.RuleYear).List("assessment-factor")
            .OrderBy(c => int.Parse(c.TrimEnd('A', 'B', 'C', 'D', 'E', 'F'), CultureInfo.InvariantCulture)).ThenBy(c => c, StringComparer.Ordinal)
            .Select(c => new SelectListItem(Factor(c), c))];

    public static string Describe(IReadOnlyDictionary<string, string> codes, string? code) => CensusCodes.Describe(codes, code);

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", UkCulture) ?? "Not recorded";

    /// <summary>The GOV.UK tag for a deadline's status: its words and colour.</summary>
    public static (string Text, string Class) Status(DeadlineAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Status switch
        {
            DeadlineStatus.Overdue => ($"Overdue by {assessment.WorkingDaysLate} working day{(assessment.WorkingDaysLate == 1 ? "" : "s")}", "govuk-tag--red"),
            DeadlineStatus.DueToday => ("Due today", "govuk-tag--orange"),
            DeadlineStatus.DueSoon => ($"Due in {assessment.WorkingDaysRemaining} working day{(assessment.WorkingDaysRemaining == 1 ? "" : "s")}", "govuk-tag--yellow"),
            DeadlineStatus.NotYetDue => ($"{assessment.WorkingDaysRemaining} working days left", "govuk-tag--blue"),
            DeadlineStatus.MetOnTime => ("Done on time", "govuk-tag--green"),
            _ => ("Done late", "govuk-tag--grey"),
        };
    }
}
