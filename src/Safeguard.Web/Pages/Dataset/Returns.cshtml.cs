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
        PrefillDateInput("Input.DueOn", suggested.End.AddMonths(1));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        DataReturn? opened = null;
        var quarter = ParseQuarter(Input.Quarter);
        var due = Input.DueOn = ReadDate("Input.DueOn", "date the figures are due");
        if (quarter is null)
        {
            ModelState.AddModelError("Input.Quarter", "Select the quarter");
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

        /// <summary>Typed into a GOV.UK date input (<c>Input.DueOnDay</c>, <c>Month</c>, <c>Year</c>); read by the page, not bound.</summary>
        [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
        public DateOnly? DueOn { get; set; }
    }
}
