using Microsoft.AspNetCore.Mvc;
using Safeguard.Journey;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>Close the episode: the date and reason, then check the answers before closing.</summary>
[RequirePermission("casework.manage")]
public sealed class CloseModel(CaseworkService casework) : CaseworkPageModel(casework)
{
    /// <summary>Set when the answers are shown for checking.</summary>
    public DateOnly? Checking { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Episode is null ? NoOpenEpisode() : Page();
    }

    /// <summary>Show the answers to check.</summary>
    public async Task<IActionResult> OnPostCheckAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Episode is null)
        {
            return NoOpenEpisode();
        }

        var date = DateFrom("ClosureDate", "date the episode closed");
        if (date is null && ModelState.IsValid)
        {
            ModelState.AddModelError("Input.ClosureDate", "Enter the date the episode closed");
        }

        if (string.IsNullOrEmpty(Input.ReasonForClosure))
        {
            ModelState.AddModelError("Input.ReasonForClosure", "Select the reason for closure");
        }

        Checking = ModelState.IsValid ? date : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Episode is not { } episode)
        {
            return NoOpenEpisode();
        }

        var date = DateFrom("ClosureDate", "date the episode closed");
        return await SaveAsync(() => Casework.CloseAsync(episode.Id, Version, date, Input.ReasonForClosure, Actor, cancellationToken), "The episode is closed.", cancellationToken);
    }
}
