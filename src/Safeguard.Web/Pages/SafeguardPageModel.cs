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

    protected void ShowProblems(SafeguardValidationException ex, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(ex);
        foreach (var problem in ex.Problems)
        {
            ModelState.AddModelError(string.IsNullOrEmpty(problem.Field) ? "" : $"{prefix}.{problem.Field}", problem.Message);
        }
    }

    protected void ShowConflict(ConcurrencyConflictException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        ModelState.AddModelError("", ex.Message);
    }
}
