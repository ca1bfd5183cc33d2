using Microsoft.AspNetCore.Mvc;
using Safeguard.FrontDoor;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Admin.Thresholds;

/// <summary>The local continuum of need: rename, renumber, retire and restore levels, and add new ones.</summary>
[RequirePermission("thresholds.manage")]
public sealed class IndexModel(ThresholdLevels levels) : SafeguardPageModel
{
    public IReadOnlyList<ThresholdLevel> Levels { get; private set; } = [];

    [BindProperty]
    public LevelInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken) => Levels = await levels.ListAsync(true, cancellationToken);

    /// <summary>Add a level (no id) or change one (its id and the version read).</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!int.TryParse(Input.Level, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            ModelState.AddModelError("Input.Level", "The level must be a whole number from 1 to 20");
        }

        if (await TryChangeAsync(() => Input.Id is { } id
            ? levels.ChangeAsync(id, Input.Version, number, Input.Name, Input.Description, Input.IsActive, Actor, cancellationToken)
            : levels.AddAsync(number, Input.Name, Input.Description, Actor, cancellationToken)))
        {
            Notice = Input.Id is null ? "The level is added." : "The level is changed.";
            return Redirect("/admin/thresholds");
        }

        Levels = await levels.ListAsync(true, cancellationToken);
        return Page();
    }
}

public sealed class LevelInput
{
    public Guid? Id { get; set; }

    public int Version { get; set; }

    public string? Level { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public bool IsActive { get; set; } = true;
}
