using System.Globalization;
using AngleSharp.Dom;

namespace Safeguard.Web.Tests.Support;

/// <summary>Filling and reading GOV.UK date inputs: a date input <c>key</c> posts <c>{key}Day</c>, <c>{key}Month</c> and <c>{key}Year</c>.</summary>
public static class DateInputs
{
    /// <summary>Adds the date's day, month and year to the form under <paramref name="key"/>.</summary>
    public static Dictionary<string, string> WithDate(this Dictionary<string, string> form, string key, DateOnly date) =>
        form.WithDate(key, date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds what is typed into the three boxes of the date input <paramref name="key"/>.</summary>
    public static Dictionary<string, string> WithDate(this Dictionary<string, string> form, string key, string day, string month, string year)
    {
        ArgumentNullException.ThrowIfNull(form);
        form[$"{key}Day"] = day;
        form[$"{key}Month"] = month;
        form[$"{key}Year"] = year;
        return form;
    }

    /// <summary>What the page shows in the three boxes of the date input <paramref name="key"/>.</summary>
    public static (string? Day, string? Month, string? Year) Typed(IDocument page, string key) =>
        (Html.Value(page, $"{key}Day"), Html.Value(page, $"{key}Month"), Html.Value(page, $"{key}Year"));

    /// <summary>
    /// The date input <paramref name="key"/> refuses what was typed: the error summary links <paramref name="message"/>
    /// to its day box, the message is shown inside its fieldset, and the boxes keep what was typed.
    /// </summary>
    public static void AssertRefused(IDocument page, string key, string message, (string Day, string Month, string Year) typed)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(key);
        var id = key.Replace('.', '-');
        Assert.Contains((message, id), Html.ErrorSummary(page));
        Html.AssertErrorSummaryLinksResolve(page);
        var day = page.GetElementById(id);
        Assert.NotNull(day);
        Assert.Equal($"{key}Day", day.GetAttribute("name"));
        Assert.Equal(message, day.Closest("fieldset")!.QuerySelector(".govuk-error-message")!.TextContent.Replace("Error:", "", StringComparison.Ordinal).Trim());
        Assert.Equal<(string?, string?, string?)>((typed.Day, typed.Month, typed.Year), Typed(page, key));
    }
}
