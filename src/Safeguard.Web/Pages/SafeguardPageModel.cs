using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Web.Pages.People;

namespace Safeguard.Web.Pages;

/// <summary>
/// What Safeguard's pages share: who is acting, showing a refused request beside its fields, and dates read from
/// GOV.UK date inputs.
/// </summary>
public abstract class SafeguardPageModel : PageModel
{
    public Actor Actor => Actor.FromPrincipal(User);

    /// <summary>The reporting year asked for by its start year (2000 to 2100), or else <paramref name="current"/>.</summary>
    public static ReportingYear YearOr(int? startYear, ReportingYear current) =>
        startYear is >= 2000 and <= 2100 ? new ReportingYear(startYear.Value) : current;

    /// <summary>The reporting year asked for by its start year (2000 to 2100), or else the one today is in.</summary>
    protected static ReportingYear ChosenYear(int? startYear, TimeProvider time) =>
        YearOr(startYear, ReportingYear.Of(UkTime.Today(time)));

    /// <summary>A one-off message shown at the top of the next page (GOV.UK notification banner).</summary>
    [Microsoft.AspNetCore.Mvc.TempData]
    public string? Notice { get; set; }

    /// <param name="ex">The refusal.</param>
    /// <param name="prefix">The form model's name.</param>
    /// <param name="fields">Where the form's field is named differently from the problem's (Core's <c>Agency</c> is the form's <c>AgencyCode</c>).</param>
    protected void ShowProblems(SafeguardValidationException ex, string prefix = "Input", IReadOnlyDictionary<string, string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(ex);
        foreach (var problem in ex.Problems)
        {
            var field = fields is not null && fields.TryGetValue(problem.Field, out var renamed) ? renamed : problem.Field;
            ModelState.AddModelError(string.IsNullOrEmpty(field) ? "" : $"{prefix}.{field}", problem.Message);
        }
    }

    /// <summary>
    /// Makes a change when the form is valid; a refused change is shown beside its fields (or as a conflict)
    /// and false is returned, as it is when the change itself added model errors.
    /// </summary>
    protected async Task<bool> TryChangeAsync(Func<Task> change, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!ModelState.IsValid)
        {
            return false;
        }

        try
        {
            await change();
            return ModelState.IsValid;
        }
        catch (SafeguardValidationException ex)
        {
            ShowProblems(ex, prefix);
        }
        catch (ConcurrencyConflictException ex)
        {
            ShowConflict(ex);
        }

        return false;
    }

    protected void ShowConflict(ConcurrencyConflictException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ModelState.AddModelError("", ex.Message);
    }

    /// <summary>
    /// A date typed into the GOV.UK date input <paramref name="key"/> (its boxes are <c>{key}Day</c>, <c>{key}Month</c>
    /// and <c>{key}Year</c>, from the posted form or, for a search form, the query string); null when all three are
    /// blank. A date that is not real is shown beside the input, named by <paramref name="label"/>.
    /// </summary>
    protected DateOnly? ReadDate(string key, string label)
    {
        ArgumentNullException.ThrowIfNull(key);
        var date = PeopleForm.ParseDate(DateBox($"{key}Day"), DateBox($"{key}Month"), DateBox($"{key}Year"), label, out var error);
        if (error is not null)
        {
            ModelState.AddModelError(key, error);
        }

        return date;
    }

    /// <summary>Whether anything is typed into any box of the date input <paramref name="key"/>.</summary>
    protected bool DateTyped(string key) =>
        !string.IsNullOrWhiteSpace(DateBox($"{key}Day")) || !string.IsNullOrWhiteSpace(DateBox($"{key}Month")) || !string.IsNullOrWhiteSpace(DateBox($"{key}Year"));

    /// <summary>The GOV.UK date input <paramref name="key"/>, with what was typed and the first error recorded against it.</summary>
    public DateInput DateInputFor(string key, string legend, string? hint = null, bool isHeading = false)
    {
        ArgumentNullException.ThrowIfNull(key);
        var error = ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
        return new DateInput(key, legend, hint, DateBox($"{key}Day"), DateBox($"{key}Month"), DateBox($"{key}Year"), error, isHeading);
    }

    /// <summary>Shows <paramref name="date"/> in the date input <paramref name="key"/> when nothing was typed there (a date already recorded, or one known from elsewhere).</summary>
    protected void PrefillDateInput(string key, DateOnly? date)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (date is not { } d)
        {
            return;
        }

        _prefill[$"{key}Day"] = d.Day.ToString(CultureInfo.InvariantCulture);
        _prefill[$"{key}Month"] = d.Month.ToString(CultureInfo.InvariantCulture);
        _prefill[$"{key}Year"] = d.Year.ToString(CultureInfo.InvariantCulture);
    }

    private readonly Dictionary<string, string> _prefill = new(StringComparer.Ordinal);

    private string? DateBox(string name)
    {
        if (Request.HasFormContentType && Request.Form.TryGetValue(name, out var posted))
        {
            return posted.ToString();
        }

        if (Request.Query.TryGetValue(name, out var queried))
        {
            return queried.ToString();
        }

        return _prefill.GetValueOrDefault(name);
    }
}
