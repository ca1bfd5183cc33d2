using Microsoft.AspNetCore.Mvc;
using Safeguard.Journey;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>Start a child in need plan, or end the open one.</summary>
[RequirePermission("casework.manage")]
public sealed class CinPlanModel(CaseworkService casework) : CaseworkPageModel(casework)
{
    public ChildInNeedPlan? Open => Episode?.CinPlans.FirstOrDefault(p => p.EndDate is null);

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

        if (Open is { } open)
        {
            var end = DateFrom("EndDate", "date the plan ended");
            return await SaveAsync(() => Casework.EndCinPlanAsync(episode.Id, Version, open.Id, end, Actor, cancellationToken), "The child in need plan has ended.", cancellationToken);
        }

        var start = DateFrom("StartDate", "date the plan started");
        return await SaveAsync(() => Casework.StartCinPlanAsync(episode.Id, Version, start, Actor, cancellationToken), "The child in need plan has started.", cancellationToken);
    }
}
