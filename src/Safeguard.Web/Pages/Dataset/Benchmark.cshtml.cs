using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>Changing or removing one benchmark; a save from an older page is refused.</summary>
[RequirePermission("dataset.manage")]
public sealed class BenchmarkModel(BenchmarkAdministration benchmarks, TimeProvider time) : DatasetPageModel
{
    public IndicatorBenchmark? Benchmark { get; private set; }

    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public IReadOnlyList<SelectListItem> YearItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var b = Benchmark!;
        Input = new ChangeInput { Version = b.Version, YearStart = b.YearStart, Kind = b.Kind, Value = DataReturnService.Show(b.Value), Source = b.Source };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => benchmarks.SaveAsync(new BenchmarkEntry(id, Input.Version, Benchmark!.Indicator!.Code, Input.YearStart, Input.Kind, Input.Value, Input.Source), Actor, cancellationToken)))
        {
            Notice = $"The benchmark for {Benchmark!.Indicator!.Code} is changed.";
            return RedirectToPage("/Dataset/Benchmarks", new { year = Input.YearStart });
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => benchmarks.RemoveAsync(id, Input.Version, Actor, cancellationToken)))
        {
            Notice = $"The benchmark for {Benchmark!.Indicator!.Code} is removed.";
            return RedirectToPage("/Dataset/Benchmarks", new { year = Benchmark.YearStart });
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Benchmark = await benchmarks.FindAsync(id, cancellationToken);
        var current = ReportingYear.Of(UkTime.Today(time));
        YearItems = [.. Enumerable.Range(current.StartYear - 5, 6).Reverse().Select(y => new SelectListItem(new ReportingYear(y).Name, y.ToString(CultureInfo.InvariantCulture)))];
        return Benchmark is not null;
    }

    public sealed class ChangeInput
    {
        public int Version { get; set; }

        public int? YearStart { get; set; }

        public BenchmarkKind? Kind { get; set; }

        public string? Value { get; set; }

        public string? Source { get; set; }
    }
}
