using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.People;

namespace Safeguard.Web.Pages.People;

/// <summary>What the person index pages share: dates as GOV.UK date inputs, code lists as options, display text.</summary>
public static class PeopleForm
{
    private static readonly CultureInfo UkCulture = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", UkCulture) ?? "Not known";

    public static string Born(PersonSummary p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return p.DateOfBirth is { } d ? Date(d) : p.ExpectedDateOfBirth is { } e ? $"Expected {Date(e)}" : "Not known";
    }

    /// <summary>Age in years (or months under two) on <paramref name="today"/>; empty when the date of birth is not known or is expected.</summary>
    public static string Age(PersonSummary p, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.DateOfBirth is not { } born || born > today)
        {
            return p.ExpectedDateOfBirth is null ? "" : "Unborn";
        }

        var months = ((today.Year - born.Year) * 12) + today.Month - born.Month - (today.Day < born.Day ? 1 : 0);
        return months < 24 ? $"{months} month{(months == 1 ? "" : "s")}" : $"{months / 12} years";
    }

    /// <summary>The last four characters of an identifier, enough to tell two records apart without the whole number.</summary>
    public static string Tail(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= 4 ? value : "ending " + value[^4..];
    }

    public static string Kind(PersonKind kind) => kind == PersonKind.Child ? "Child" : "Adult";

    public static string NameKind(PersonNameKind kind) => kind switch
    {
        PersonNameKind.Current => "Current name",
        PersonNameKind.Previous => "Previous name",
        _ => "Alias",
    };

    public static string Relationship(RelationshipKind kind) =>
        CultureInfo.InvariantCulture.TextInfo.ToTitleCase(PersonIndex.Describe(kind)[..1]) + PersonIndex.Describe(kind)[1..];

    public static List<SelectListItem> SexItems() =>
        [.. PersonCodes.Sexes.Select(c => new SelectListItem(PersonCodes.Label(c), c))];

    public static List<SelectListItem> EthnicityItems() =>
        [new SelectListItem("Not yet recorded", ""), .. PersonCodes.Ethnicities.Select(c => new SelectListItem(PersonCodes.Describe(c), c))];

    public static List<SelectListItem> DisabilityItems() =>
        [.. PersonCodes.DisabilityCodes.Select(c => new SelectListItem(PersonCodes.Label(c), c))];

    public static List<SelectListItem> RelationshipItems() =>
        [new SelectListItem("Select how they are related", ""), .. Enum.GetValues<RelationshipKind>().Select(k => new SelectListItem(Relationship(k), k.ToString()))];

    /// <summary>
    /// Reads a GOV.UK date input. Empty parts give null (no date); otherwise the parts must make a real date,
    /// or <paramref name="error"/> says what is wrong, naming <paramref name="label"/>.
    /// </summary>
    public static DateOnly? ParseDate(string? day, string? month, string? year, string label, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            return null;
        }

        if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            error = $"The {label} must include a day, month and year as numbers";
            return null;
        }

        if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            error = $"The {label} must be a real date, with a four-digit year";
            return null;
        }

        return new DateOnly(y, m, d);
    }
}

/// <summary>A GOV.UK date input: the field's error key, and the day, month and year as typed.</summary>
public sealed record DateInput(string Key, string Legend, string? Hint, string? Day, string? Month, string? Year, string? Error, bool IsHeading = false)
{
    public string Id => Key.Replace('.', '-');
}
