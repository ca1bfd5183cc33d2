using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>Context figures (child population, poverty, infant mortality) for a year or a quarter; a later figure supersedes an earlier one.</summary>
[RequirePermission("dataset.manage")]
public sealed class ContextModel(IndicatorAdministration administration, TimeProvider time) : DatasetPageModel
{
    public IReadOnlyList<Indicator> ContextIndicators { get; private set; } = [];

    public IReadOnlyList<ContextFigure> Figures { get; private set; } = [];

    [BindProperty]
    public ContextInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> IndicatorItems => [new("Select", ""), .. ContextIndicators.Select(i => new SelectListItem($"{i.Code} {i.Title}", i.Code))];

    public IReadOnlyList<SelectListItem> YearItems { get; private set; } = [];

    public static IReadOnlyList<SelectListItem> QuarterItems() =>
        [new("The whole year", ""), new("Q1 (April to June)", "1"), new("Q2 (July to September)", "2"), new("Q3 (October to December)", "3"), new("Q4 (January to March)", "4")];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Input.Code))
        {
            ModelState.AddModelError("Input.Code", "Select the indicator");
        }

        if (Input.Year is not (>= 2000 and <= 2100))
        {
            ModelState.AddModelError("Input.Year", "Select the reporting year");
        }

        if (await TryChangeAsync(() => administration.RecordContextAsync(Input.Code!, new ReportingYear(Input.Year!.Value), Input.Quarter, Input.Value, Input.Note, Actor, cancellationToken)))
        {
            Notice = $"The figure for {Input.Code} in {new ReportingYear(Input.Year!.Value).Name} is recorded.";
            return RedirectToPage();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var current = ReportingYear.Of(UkTime.Today(time));
        ContextIndicators = [.. (await administration.ListAsync(cancellationToken)).Where(i => i.Source == IndicatorSource.Context && !i.IsRetired)];
        Figures = await administration.ContextFiguresAsync(current, cancellationToken);
        YearItems = [new("Select", ""), .. Enumerable.Range(current.StartYear - 4, 5).Reverse().Select(y => new SelectListItem(new ReportingYear(y).Name, y.ToString(EnGb)))];
        Input.Year ??= current.StartYear;
    }

    public sealed class ContextInput
    {
        public string? Code { get; set; }

        public int? Year { get; set; }

        public int? Quarter { get; set; }

        public string? Value { get; set; }

        public string? Note { get; set; }
    }
}
