using Microsoft.AspNetCore.Mvc;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>The partnership dataset in the layout of the annual report's Appendix 1, with every gap explained.</summary>
[RequirePermission("performance.view")]
public sealed class IndexModel(DatasetCache datasets, SafeguardDbContext db, TimeProvider time) : DatasetPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Compute as at the end of this UK day (yyyy-mm-dd), when given.</summary>
    [BindProperty(SupportsGet = true, Name = "as-at")]
    public string? AsAt { get; set; }

    public DatasetResult? Result { get; private set; }

    public AsAtField AsAtField { get; private set; } = new(null, null, null, null);

    public string? AsAtError => AsAtField.Error;

    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>The UK date today: the regional return is offered for the quarters started by it.</summary>
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = UkTime.Today(time);
        var current = ReportingYear.Of(Today);
        var year = YearOr(Year, current);
        Year = year.StartYear;
        Years = [.. Enumerable.Range(current.StartYear - 4, 5).Reverse()];
        AsAtField = ReadAsAt(AsAt, out var asAtValue, out var asAt);
        AsAt = asAtValue;

        Result = await datasets.ComputeAsync(db, year, asAt, cancellationToken);
    }
}
