using Microsoft.AspNetCore.Mvc;
using Safeguard.Journey;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>Record a strategy discussion; when the threshold is met the section 47 enquiry starts on its date.</summary>
[RequirePermission("casework.manage")]
public sealed class StrategyDiscussionModel(CaseworkService casework) : CaseworkPageModel(casework)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Episode is null ? NoOpenEpisode() : Page();
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

        var date = DateFrom("Date", "date of the strategy discussion");
        var outcome = ParseEnum<StrategyOutcome>(Input.Outcome);
        return await SaveAsync(
            () => Casework.RecordStrategyDiscussionAsync(episode.Id, Version, date, outcome, Actor, cancellationToken),
            outcome == StrategyOutcome.Section47 ? "The strategy discussion is recorded and the section 47 enquiry has started." : "The strategy discussion is recorded.",
            cancellationToken);
    }
}
