using Microsoft.AspNetCore.Mvc;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.People;

/// <summary>Undo a merge: the record stands alone again and the family links it had move back.</summary>
[RequirePermission("people.manage")]
public sealed class UnmergeModel(PersonIndex index) : SafeguardPageModel
{
    [BindProperty]
    public string? Reason { get; set; }

    public PersonRecord Record { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            await index.UnmergeAsync(id, Reason ?? "", Actor, cancellationToken);
            Notice = "The merge is undone.";
            return Redirect($"/people/{id}");
        }
        catch (SafeguardValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                ModelState.AddModelError(problem.Field is "Reason" ? nameof(Reason) : "", problem.Message);
            }
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var record = await index.GetAsync(id, Actor, cancellationToken);
        if (record?.Person.MergedIntoId is null)
        {
            return false;
        }

        Record = record;
        return true;
    }
}
