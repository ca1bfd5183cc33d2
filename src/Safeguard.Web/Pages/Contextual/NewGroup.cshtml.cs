using Microsoft.AspNetCore.Mvc;
using Safeguard.ComplexSafeguarding;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Contextual;

/// <summary>Adds a group.</summary>
[RequirePermission("contextual.manage")]
public sealed class NewGroupModel(ContextualService contextual) : SafeguardPageModel
{
    [BindProperty]
    public GroupInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ContextualGroup? saved = null;
        if (await TryChangeAsync(async () => saved = await contextual.AddGroupAsync(new GroupDetails { Name = Input.Name, Description = Input.Description }, Actor, cancellationToken)))
        {
            Notice = $"{saved!.Name} is added.";
            return Redirect(ContextualService.GroupHref(saved.Id));
        }

        return Page();
    }

    public sealed class GroupInput
    {
        public string? Name { get; set; }

        public string? Description { get; set; }
    }
}
