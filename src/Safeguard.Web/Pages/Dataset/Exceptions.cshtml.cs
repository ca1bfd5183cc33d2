using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Dataset;

/// <summary>The indicators whose latest figures moved by more than their tolerance, each marked better or worse; gaps listed apart.</summary>
[RequirePermission("performance.view")]
public sealed class ExceptionsModel(ExceptionReportService exceptions, TimeProvider time) : DatasetPageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>Compute as at the end of this UK day (yyyy-mm-dd), when given.</summary>
    [BindProperty(SupportsGet = true, Name = "as-at")]
    public string? AsAt { get; set; }

    public AsAtField AsAtField { get; private set; } = new(null, null, null, null);

    public string? AsAtError => AsAtField.Error;

    public ExceptionReportResult? Result { get; private set; }

    public IReadOnlyList<SelectListItem> YearItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = ReportingYear.Of(UkTime.Today(time));
        var year = YearOr(Year, current);
        Year = year.StartYear;
        YearItems = [.. Enumerable.Range(current.StartYear - 4, 5).Reverse().Select(y => new SelectListItem(new ReportingYear(y).Name, y.ToString(CultureInfo.InvariantCulture)))];
        AsAtField = ReadAsAt(AsAt, out var asAtValue, out var asAt);
        AsAt = asAtValue;

        Result = await exceptions.BuildAsync(year, asAt, cancellationToken);
    }

    public static string DirectionTag(ExceptionDirection direction) => direction switch
    {
        ExceptionDirection.Better => "<strong class=\"govuk-tag govuk-tag--green\">Better</strong>",
        ExceptionDirection.Worse => "<strong class=\"govuk-tag govuk-tag--red\">Worse</strong>",
        _ => "<strong class=\"govuk-tag govuk-tag--grey\">No better or worse</strong>",
    };

    public static string Percent(decimal? value) => value switch
    {
        null => "from 0",
        > 0 => "+" + DatasetExport.Normalise(value.Value).ToString("#,##0.#", EnGb) + "%",
        _ => DatasetExport.Normalise(value.Value).ToString("#,##0.#", EnGb) + "%",
    };
}
