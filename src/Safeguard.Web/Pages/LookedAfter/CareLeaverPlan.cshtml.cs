using Microsoft.AspNetCore.Mvc;
using Safeguard.LookedAfter;
using Safeguard.People;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.LookedAfter;

/// <summary>The pathway plan form's fields, as typed.</summary>
public sealed class PlanInput
{
    public string? IsReview { get; set; }

    public string? Summary { get; set; }
}

/// <summary>Record a pathway plan agreed, or a review of it.</summary>
[RequirePermission("lookedafter.manage")]
public sealed class CareLeaverPlanModel(LookedAfterService lookedAfter, CareLeaverService careLeavers, PersonIndex people) : CareLeaverPageModel(lookedAfter, people)
{
    [BindProperty]
    public PlanInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadChildAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadChildAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var details = new PathwayPlanDetails { AgreedOn = ReadDate("Input.AgreedOn", "date the plan was agreed or reviewed"), IsReview = Input.IsReview == "true", Summary = Input.Summary };
        return await SaveAsync(() => careLeavers.RecordPlanAsync(id, details, Actor, cancellationToken), details.IsReview ? "The pathway plan review is recorded." : "The pathway plan is recorded.");
    }
}
