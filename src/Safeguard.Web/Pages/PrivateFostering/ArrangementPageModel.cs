using Microsoft.AspNetCore.Mvc;
using Safeguard.PrivateFostering;

namespace Safeguard.Web.Pages.PrivateFostering;

/// <summary>What the forms on an arrangement share: the arrangement the reader may see, its version, and saving back to it.</summary>
public abstract class ArrangementPageModel(PrivateFosteringService service) : SafeguardPageModel
{
    protected PrivateFosteringService Service => service;

    public ArrangementView View { get; private set; } = default!;

    [BindProperty]
    public int Version { get; set; }

    public string Back => $"/private-fostering/{View.Arrangement.Id}";

    protected async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await service.GetAsync(id, Actor, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        return true;
    }

    protected async Task<IActionResult> SaveAsync(Func<Task> change, string notice)
    {
        if (await TryChangeAsync(change))
        {
            Notice = notice;
            return Redirect(Back);
        }

        return Page();
    }
}
