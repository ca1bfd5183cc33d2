using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>Changing an indicator: its wording, aggregation, polarity, tolerance and supplier (its benchmarks are entered per year on the benchmarks page).</summary>
[RequirePermission("dataset.manage")]
public sealed class IndicatorModel(IndicatorAdministration administration, SafeguardDbContext db, TimeProvider time) : DatasetPageModel
{
    public TimeProvider Clock => time;

    public Indicator? Indicator { get; private set; }

    public IReadOnlyList<SelectListItem> Agencies { get; private set; } = [];

    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public static IReadOnlyList<SelectListItem> AggregationItems() =>
        [new("Select", ""), .. Enum.GetValues<IndicatorAggregation>().Select(a => new SelectListItem(DatasetExport.Describe(a), a.ToString()))];

    public static IReadOnlyList<SelectListItem> PolarityItems() =>
        [new("Select", ""), new("Higher is better", nameof(IndicatorPolarity.HigherIsBetter)), new("Lower is better", nameof(IndicatorPolarity.LowerIsBetter)), new("Neither", nameof(IndicatorPolarity.Neutral))];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var i = Indicator!;
        Input = new ChangeInput
        {
            Version = i.Version,
            Title = i.Title,
            Definition = i.Definition,
            Aggregation = i.Aggregation,
            Polarity = i.Polarity,
            TolerancePercent = DataReturnService.Show(i.TolerancePercent),
            SupplierAgencyId = i.SupplierAgencyId,
            IsRetired = i.IsRetired,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var change = new IndicatorChange(Input.Title, Input.Definition, Input.Aggregation, Input.Polarity, Input.TolerancePercent, Input.SupplierAgencyId, Input.IsRetired);
        if (await TryChangeAsync(() => administration.ChangeAsync(Indicator!.Code, Input.Version, change, Actor, cancellationToken)))
        {
            Notice = $"Indicator {Indicator!.Code} is changed.";
            return RedirectToPage("/Dataset/Indicators");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        Indicator = await administration.FindAsync(id, cancellationToken);
        Agencies = [new SelectListItem("Select", ""), .. (await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(cancellationToken))
            .Select(a => new SelectListItem(a.Name, a.Id.ToString()))];
        return Indicator is not null;
    }

    public sealed class ChangeInput
    {
        public int Version { get; set; }

        public string? Title { get; set; }

        public string? Definition { get; set; }

        public IndicatorAggregation? Aggregation { get; set; }

        public IndicatorPolarity? Polarity { get; set; }

        public string? TolerancePercent { get; set; }

        public Guid? SupplierAgencyId { get; set; }

        public bool IsRetired { get; set; }
    }
}
