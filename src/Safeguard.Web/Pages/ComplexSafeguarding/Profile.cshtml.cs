using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Safeguard.Calendar;
using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.ComplexSafeguarding;

/// <summary>
/// The complex safeguarding problem profile for a period (the last 12 months unless another is chosen): aggregates
/// only, counts of 1 to 4 shown as "fewer than 5", each table with a bar chart and CSV and XLSX downloads.
/// </summary>
[RequirePermission("performance.view")]
public sealed class ProfileModel(ProblemProfile profile, TimeProvider time) : SafeguardPageModel
{
    /// <summary>The period as the links carry it (yyyy-MM-dd), used when no box of the date inputs is filled in.</summary>
    [FromQuery(Name = "from")]
    public string? FromLink { get; set; }

    [FromQuery(Name = "to")]
    public string? ToLink { get; set; }

    public ProfileResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = UkTime.Today(time);
        var (defaultFrom, defaultTo) = DefaultPeriod(today);
        var from = DayOrLink("From", "start date", FromLink) ?? defaultFrom;
        var to = DayOrLink("To", "end date", ToLink) ?? defaultTo;
        if (!ModelState.IsValid)
        {
            return;
        }

        if (Problem(from, to, today) is { } problem)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
            return;
        }

        PrefillDateInput("From", from);
        PrefillDateInput("To", to);
        Result = await profile.BuildAsync(from, to, cancellationToken);
    }

    /// <summary>The last 12 months up to and including today.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(DateOnly today) => (today.AddYears(-1).AddDays(1), today);

    /// <summary>What is wrong with a period, naming the date input.</summary>
    public static (string Field, string Message)? Problem(DateOnly from, DateOnly to, DateOnly today) =>
        to < from ? ("To", "The end date must be the same as or after the start date")
        : from > today ? ("From", "The start date must be today or in the past")
        : to.DayNumber - from.DayNumber > ProblemProfile.MaxDays ? ("From", "The period can be at most 5 years")
        : null;

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string LongDate(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    public string DownloadLink(string table, string format) =>
        $"/complex-safeguarding/profile/download?from={Iso(Result!.From)}&to={Iso(Result.To)}&table={table}&format={format}";

    /// <summary>The chart's text alternative: each row's count as shown in the table.</summary>
    public static string ChartSummary(ProfileTable table, int column) =>
        $"{table.Columns[column]} by {table.Heading.ToLowerInvariant()}: " + string.Join("; ", table.Rows.Select(r => $"{r.Label} {ProfileCount.Display(r.Values[column])}"));

    private DateOnly? DayOrLink(string key, string label, string? link)
    {
        if (DateTyped(key))
        {
            return ReadDate(key, label);
        }

        if (string.IsNullOrWhiteSpace(link))
        {
            return null;
        }

        if (DateOnly.TryParseExact(link, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        ModelState.AddModelError(key, $"The {label} must be a real date");
        return null;
    }
}
