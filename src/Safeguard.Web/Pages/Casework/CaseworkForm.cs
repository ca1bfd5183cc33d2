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

    public static readonly IReadOnlyDictionary<string, string> ReferralSources = new Dictionary<string, string>
    {
        ["1A"] = "Individual: family member, relative or carer",
        ["1B"] = "Individual: acquaintance",
        ["1C"] = "Individual: self",
        ["1D"] = "Individual: other",
        ["2A"] = "School",
        ["2B"] = "Education services",
        ["3A"] = "Health: GP",
        ["3B"] = "Health: health visitor",
        ["3C"] = "Health: school nurse",
        ["3D"] = "Health: other primary health services",
        ["3E"] = "Health: A&E",
        ["3F"] = "Health: other",
        ["4"] = "Housing",
        ["5A"] = "Local authority: social care",
        ["5B"] = "Local authority: other internal department",
        ["5C"] = "Local authority: another council",
        ["5D"] = "Local authority: early help",
        ["6"] = "Police",
        ["7"] = "Other legal agency",
        ["8"] = "Other",
        ["9"] = "Anonymous",
        ["10"] = "Unknown",
    };

    public static readonly IReadOnlyDictionary<string, string> PrimaryNeeds = new Dictionary<string, string>
    {
        ["N1"] = "Abuse or neglect",
        ["N2"] = "Child's disability or illness",
        ["N3"] = "Parental disability or illness",
        ["N4"] = "Family in acute stress",
        ["N5"] = "Family dysfunction",
        ["N6"] = "Socially unacceptable behaviour",
        ["N7"] = "Low income",
        ["N8"] = "Absent parenting",
        ["N9"] = "Cases other than children in need",
        ["N0"] = "Not stated",
    };

    public static readonly IReadOnlyDictionary<string, string> Categories = new Dictionary<string, string>
    {
        ["NEG"] = "Neglect",
        ["PHY"] = "Physical abuse",
        ["SAB"] = "Sexual abuse",
        ["EMO"] = "Emotional abuse",
        ["MUL"] = "Multiple",
    };

    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>
    {
        ["RC1"] = "Adopted",
        ["RC2"] = "Died",
        ["RC3"] = "Child arrangements order",
        ["RC4"] = "Special guardianship order",
        ["RC5"] = "Moved to another local authority",
        ["RC6"] = "Transferred to adult social care",
        ["RC7"] = "Services ceased for any other reason",
        ["RC8"] = "Case closed after assessment, no further action",
        ["RC9"] = "Case closed after assessment, referred to early help",
    };

    private static readonly Dictionary<string, string> FactorTopics = new()
    {
        ["1"] = "alcohol misuse",
        ["2"] = "drug misuse",
        ["3"] = "domestic abuse",
        ["4"] = "mental health",
        ["5"] = "learning disability",
        ["6"] = "physical disability or illness",
        ["7"] = "young carer",
        ["8"] = "private fostering",
        ["9"] = "unaccompanied asylum-seeking child",
        ["10"] = "going missing",
        ["11"] = "child sexual exploitation",
        ["12"] = "trafficking",
        ["13"] = "gangs",
        ["14"] = "socially unacceptable behaviour",
        ["15"] = "self-harm",
        ["16"] = "neglect",
        ["17"] = "emotional abuse",
        ["18"] = "physical abuse",
        ["19"] = "sexual abuse",
        ["20"] = "other",
        ["21"] = "no factors identified",
        ["22"] = "female genital mutilation",
        ["23"] = "abuse linked to faith or belief",
        ["24"] = "child criminal exploitation",
    };

    /// <summary>A factor code with what it means: 3B is "3B: domestic abuse (parent or carer)".</summary>
    public static string Factor(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var number = code.TrimEnd('A', 'B', 'C', 'D', 'E', 'F');
        var who = code[number.Length..] switch
        {
            "A" => " (child)",
            "B" => " (parent or carer)",
            "C" => " (another person in the household)",
            "" => "",
            _ => " (" + code[number.Length..] + ")",
        };
        return $"{code}: {FactorTopics.GetValueOrDefault(number, "factor")}{who}";
    }

    public static List<SelectListItem> Items(IReadOnlyDictionary<string, string> codes, string prompt) =>
        [new SelectListItem(prompt, ""), .. codes.Select(c => new SelectListItem($"{c.Key}: {c.Value}", c.Key))];

    /// <summary>A short code list as radios: each choice in words with its census code, like "Adopted (RC1)".</summary>
    public static List<RadioItem> Radios(IReadOnlyDictionary<string, string> codes) =>
        [.. codes.Select(c => new RadioItem(c.Key, $"{c.Value} ({c.Key})"))];

    public static List<SelectListItem> FactorItems() =>
        [.. CinReferenceData.For(JourneyRules.RuleYear).List("assessment-factor")
            .OrderBy(c => int.Parse(c.TrimEnd('A', 'B', 'C', 'D', 'E', 'F'), CultureInfo.InvariantCulture)).ThenBy(c => c, StringComparer.Ordinal)
            .Select(c => new SelectListItem(Factor(c), c))];

    public static string Describe(IReadOnlyDictionary<string, string> codes, string? code) =>
        code is null ? "Not recorded" : codes.TryGetValue(code, out var text) ? $"{text} ({code})" : code;

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
