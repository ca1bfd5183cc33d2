using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>The benchmarks of a year (statistical neighbours', England and regional averages), and adding one.</summary>
[RequirePermission("dataset.manage")]
public sealed class BenchmarksModel(BenchmarkAdministration benchmarks, IndicatorAdministration indicators, TimeProvider time) : DatasetPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Only this indicator's benchmarks, every year (the per-indicator view).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Indicator { get; set; }

    [BindProperty]
    public BenchmarkInput Input { get; set; } = new();

    public IReadOnlyList<IndicatorBenchmark> Benchmarks { get; private set; } = [];

    public IReadOnlyList<Indicator> Indicators { get; private set; } = [];

    public IReadOnlyList<SelectListItem> YearItems { get; private set; } = [];

    public IReadOnlyList<SelectListItem> IndicatorItems => [new("Select", ""), .. Indicators.Select(i => new SelectListItem($"{i.Code} {i.Title}", i.Code))];

    public static IReadOnlyList<SelectListItem> KindItems() =>
        [new("Select", ""), .. Enum.GetValues<BenchmarkKind>().Select(k => new SelectListItem(BenchmarkAdministration.Describe(k), k.ToString()))];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Input.YearStart ??= Year;
        Input.IndicatorCode ??= Indicator;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await TryChangeAsync(() => benchmarks.SaveAsync(new BenchmarkEntry(null, 0, Input.IndicatorCode, Input.YearStart, Input.Kind, Input.Value, Input.Source), Actor, cancellationToken)))
        {
            Notice = $"The {BenchmarkAdministration.Describe(Input.Kind!.Value).ToLowerInvariant()} for {Input.IndicatorCode} in {new ReportingYear(Input.YearStart!.Value).Name} is saved.";
            return RedirectToPage(new { year = Input.YearStart });
        }

        Year ??= Input.YearStart;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var current = ReportingYear.Of(UkTime.Today(time));
        Year = Year is >= 2000 and <= 2100 ? Year : current.StartYear;
        Indicators = [.. (await indicators.ListAsync(cancellationToken)).Where(i => !i.IsRetired)];
        Indicator = Indicators.Any(i => i.Code == Indicator) ? Indicator : null;
        var all = await benchmarks.ListAsync(Indicator is null ? Year : null, cancellationToken);
        Benchmarks = Indicator is null ? all : [.. all.Where(b => b.Indicator!.Code == Indicator)];
        YearItems = [.. Enumerable.Range(current.StartYear - 5, 6).Reverse().Select(y => new SelectListItem(new ReportingYear(y).Name, y.ToString(CultureInfo.InvariantCulture)))];
    }

    public sealed class BenchmarkInput
    {
        public string? IndicatorCode { get; set; }

        public int? YearStart { get; set; }

        public BenchmarkKind? Kind { get; set; }

        public string? Value { get; set; }

        public string? Source { get; set; }
    }
}
