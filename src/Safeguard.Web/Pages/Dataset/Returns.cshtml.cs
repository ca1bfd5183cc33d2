using Microsoft.AspNetCore.Mvc;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>The business unit's data returns: each quarter's, how complete it is, and opening the next.</summary>
[RequirePermission("dataset.manage")]
public sealed class ReturnsModel(DataReturnService returns, TimeProvider time) : DatasetPageModel
{
    public IReadOnlyList<(DataReturn Return, IReadOnlyList<RequestProgress> Progress)> Returns { get; private set; } = [];

    [BindProperty]
    public OpenInput Input { get; set; } = new();

    public IReadOnlyList<ReportingQuarter> Quarters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var latestEnded = ReportingQuarter.Of(UkTime.Today(time)).Start.AddDays(-1);
        var suggested = ReportingQuarter.Of(latestEnded);
        Input.Quarter ??= $"{suggested.Year.StartYear}-{suggested.Number}";
        Input.DueOn ??= suggested.End.AddMonths(1).ToString("yyyy-MM-dd", EnGb);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        DataReturn? opened = null;
        var quarter = ParseQuarter(Input.Quarter);
        var due = DateOnly.TryParseExact(Input.DueOn?.Trim(), "yyyy-MM-dd", EnGb, System.Globalization.DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        if (quarter is null)
        {
            ModelState.AddModelError("Input.Quarter", "Select the quarter");
        }

        if (due is null && !string.IsNullOrWhiteSpace(Input.DueOn))
        {
            ModelState.AddModelError("Input.DueOn", "Enter the due date as yyyy-mm-dd, for example 2026-10-31");
        }

        if (await TryChangeAsync(async () => opened = await returns.OpenAsync(quarter!.Value, due, Actor, cancellationToken)))
        {
            Notice = $"The {opened!.Period.Name} return is open: {opened.Requests.Count} agencies are asked for their figures by {LongDate(opened.DueOn)}.";
            return RedirectToPage("/Dataset/Return", new { id = opened.Id });
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var list = await returns.ReturnsAsync(cancellationToken);
        var result = new List<(DataReturn, IReadOnlyList<RequestProgress>)>();
        foreach (var r in list)
        {
            result.Add((r, await returns.ProgressAsync(r.Id, cancellationToken)));
        }

        Returns = result;
        var current = ReportingQuarter.Of(UkTime.Today(time));
        Quarters = [.. Enumerable.Range(0, 6).Select(i => ReportingQuarter.Of(current.Start.AddMonths(-3 * i)))];
    }

    private static ReportingQuarter? ParseQuarter(string? text)
    {
        var parts = text?.Split('-') ?? [];
        return parts.Length == 2 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var y) && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var q) && y is >= 2000 and <= 2100 && q is >= 1 and <= 4
            ? new ReportingYear(y).Quarter(q)
            : null;
    }

    public sealed class OpenInput
    {
        public string? Quarter { get; set; }

        public string? DueOn { get; set; }
    }
}
