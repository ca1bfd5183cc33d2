using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Safeguard.ComplexSafeguarding;
using Safeguard.Persistence;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Contextual;

/// <summary>Changes a group's name and description, carrying the version read.</summary>
[RequirePermission("contextual.manage")]
public sealed class EditGroupModel(ContextualService contextual, SafeguardDbContext db) : SafeguardPageModel
{
    public Guid Id { get; private set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public NewGroupModel.GroupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var group = await db.Set<ContextualGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (group is null)
        {
            return NotFound();
        }

        (Id, Version, Input) = (id, group.Version, new NewGroupModel.GroupInput { Name = group.Name, Description = group.Description });
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        Id = id;
        var version = Version;
        if (await TryChangeAsync(() => contextual.ChangeGroupAsync(id, version, new GroupDetails { Name = Input.Name, Description = Input.Description }, Actor, cancellationToken)))
        {
            Notice = "The group is changed.";
            return Redirect(ContextualService.GroupHref(id));
        }

        return Page();
    }
}
