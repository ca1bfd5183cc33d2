using Microsoft.AspNetCore.Mvc;
using Safeguard.Calendar;
using Safeguard.ImprovementPlan;
using Safeguard.Web.Authorization;
using Safeguard.Web.Pages.ImprovementPlan;

namespace Safeguard.Web.Pages.MyAgency;

/// <summary>
/// A workstream lead's or action owner's part of the improvement plan: the workstreams they lead and the milestones and
/// actions they own, to rate for a period, move on and add evidence to. Nothing else of the plan is shown or changed.
/// </summary>
[RequirePermission("service.use")]
public sealed class ImprovementPlanModel(PlanUpdateService updates, PlanService plans, TimeProvider time) : ImprovementPlanPageModel
{
    public IReadOnlyList<MyPart> Parts { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public IReadOnlyDictionary<Guid, PlanRating> Ratings { get; private set; } = new Dictionary<Guid, PlanRating>();

    [BindProperty]
    public RateForm Rate { get; set; } = new();

    [BindProperty]
    public string? Note { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostRateAsync(string kind, CancellationToken cancellationToken)
    {
        var itemKind = kind == "workstream" ? RatedItemKind.Workstream : RatedItemKind.Action;
        return await ChangeAsync("Rate", () => Rate.ItemId is { } id ? updates.RateAsync(itemKind, id, Rate.Version, Rate.ToInput(), Actor, cancellationToken) : throw new Common.SafeguardValidationException("Item", "There is no such item in the plan"), "Your rating is recorded.", cancellationToken);
    }

    public Task<IActionResult> OnPostStatusAsync(Guid actionId, int version, string? status, CancellationToken cancellationToken) =>
        ChangeAsync("Status", () => updates.UpdateActionAsync(actionId, version, Enum.TryParse<PlanActionStatus>(status, out var s) ? s : null, Actor, cancellationToken), "The status is changed.", cancellationToken);

    public Task<IActionResult> OnPostEvidenceAsync(Guid workstreamId, Guid? actionId, CancellationToken cancellationToken) =>
        ChangeAsync("Evidence", () => updates.AddEvidenceAsync(workstreamId, actionId, Note, Actor, cancellationToken), "The evidence is added.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(string prefix, Func<Task> change, string notice, CancellationToken cancellationToken)
    {
        if (await TryChangeAsync(change, prefix))
        {
            Notice = notice;
            return Redirect("/my-agency/improvement-plan");
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = UkTime.Today(time);
        Parts = await updates.ForUserAsync(Actor, cancellationToken);
        var ratings = new Dictionary<Guid, PlanRating>();
        foreach (var part in Parts)
        {
            foreach (var (key, value) in await plans.CurrentRatingsAsync(part.Plan.Id, Current(part.Plan).Key, cancellationToken))
            {
                ratings[key] = value;
            }
        }

        Ratings = ratings;
    }

    public PlanPeriod Current(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return PlanPeriod.Of(plan.Frequency, Today < plan.EndsOn ? Today : plan.EndsOn);
    }
}
