using Microsoft.AspNetCore.Mvc;
using Safeguard.Journey;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.Casework;

/// <summary>Record a review conference of the open child protection plan, or end the plan.</summary>
[RequirePermission("casework.manage")]
public sealed class ProtectionPlanModel(CaseworkService casework) : CaseworkPageModel(casework)
{
    public ProtectionPlan? Plan => Episode?.ProtectionPlans.FirstOrDefault(p => p.IsOpen);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        return Plan is null ? NoOpenEpisode() : Page();
    }

    public async Task<IActionResult> OnPostReviewAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Plan is not { } plan)
        {
            return NoOpenEpisode();
        }

        var date = DateFrom("ReviewDate", "date of the review conference");
        return await SaveAsync(
            () => Casework.RecordReviewConferenceAsync(Episode!.Id, Version, plan.Id, date, Input.Category, Actor, cancellationToken),
            "The review conference is recorded.", cancellationToken);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Plan is not { } plan)
        {
            return NoOpenEpisode();
        }

        var date = DateFrom("EndDate", "date the plan ended");
        return await SaveAsync(
            () => Casework.EndProtectionPlanAsync(Episode!.Id, Version, plan.Id, date, Actor, cancellationToken),
            "The child protection plan has ended.", cancellationToken);
    }
}
