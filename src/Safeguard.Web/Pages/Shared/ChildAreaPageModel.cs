using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.People;

namespace Safeguard.Web.Pages.Shared;

/// <summary>
/// What the pages of one area of a child's record share (exploitation, looked after): the child the reader may see,
/// the version a change carries, and saving back to the area's page for the child.
/// </summary>
public abstract class ChildAreaPageModel(PersonIndex people) : SafeguardPageModel
{
    public Guid ChildId { get; private set; }

    public string ChildName { get; private set; } = "";

    [BindProperty]
    public int Version { get; set; }

    /// <summary>The child's page of this area: where a saved change goes back to.</summary>
    public abstract string Back { get; }

    /// <summary>Loads the child the actor may see; false when there is none.</summary>
    protected async Task<bool> LoadChildAsync(Guid id, CancellationToken cancellationToken)
    {
        var child = await people.Visible(Actor).Where(p => p.Id == id && p.Kind == PersonKind.Child && p.MergedIntoId == null)
            .Select(p => new { p.Id, p.DisplayName })
            .FirstOrDefaultAsync(cancellationToken);
        if (child is null)
        {
            return false;
        }

        (ChildId, ChildName) = (child.Id, child.DisplayName);
        return true;
    }

    /// <summary>Saves through <paramref name="change"/>; on success goes back to <see cref="Back"/> with <paramref name="notice"/>.</summary>
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
