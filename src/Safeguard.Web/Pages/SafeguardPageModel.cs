using Microsoft.AspNetCore.Mvc.RazorPages;
using Safeguard.Auditing;
using Safeguard.Common;

namespace Safeguard.Web.Pages;

/// <summary>What Safeguard's pages share: who is acting, and showing a refused request beside its fields.</summary>
public abstract class SafeguardPageModel : PageModel
{
    public Actor Actor => Actor.FromPrincipal(User);

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
}
