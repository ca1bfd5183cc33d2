using Microsoft.AspNetCore.Mvc;
using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Contextual;

/// <summary>Adds a place.</summary>
[RequirePermission("contextual.manage")]
public sealed class NewLocationModel(ContextualService contextual) : LocationFormModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ContextualLocation? saved = null;
        if (await TryChangeAsync(async () => saved = await contextual.AddLocationAsync(Details(), Actor, cancellationToken)))
        {
            Notice = $"{saved!.Name} is added.";
            return Redirect(ContextualService.LocationHref(saved.Id));
        }

        return Page();
    }
}
