using System.Globalization;
using Microsoft.Playwright;

namespace Safeguard.EndToEnd.Tests;

/// <summary>Typing into GOV.UK date inputs as a user does: the fieldset named by its legend, then its Day, Month and Year boxes.</summary>
internal static class DateInputs
{
    public static ILocator Group(IPage page, string legend) => page.GetByRole(AriaRole.Group, new() { Name = legend, Exact = true });

    public static Task FillAsync(IPage page, string legend, DateOnly date) =>
        FillAsync(Group(page, legend), date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture));

    public static Task FillAsync(IPage page, string legend, string day, string month, string year) => FillAsync(Group(page, legend), day, month, year);

    public static async Task FillAsync(ILocator group, string day, string month, string year)
    {
        ArgumentNullException.ThrowIfNull(group);
        await group.GetByLabel("Day", new() { Exact = true }).FillAsync(day);
        await group.GetByLabel("Month", new() { Exact = true }).FillAsync(month);
        await group.GetByLabel("Year", new() { Exact = true }).FillAsync(year);
    }

    /// <summary>Fills the date input whose Day box has the id <paramref name="id"/> (its Month and Year boxes are <c>{id}-month</c> and <c>{id}-year</c>).</summary>
    public static async Task FillByIdAsync(IPage page, string id, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator($"#{id}").FillAsync(date.Day.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-month").FillAsync(date.Month.ToString(CultureInfo.InvariantCulture));
        await page.Locator($"#{id}-year").FillAsync(date.Year.ToString(CultureInfo.InvariantCulture));
    }
}
