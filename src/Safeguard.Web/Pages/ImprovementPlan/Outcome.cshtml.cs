using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Calendar;
using Safeguard.ImprovementPlan;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.ImprovementPlan;

/// <summary>An outcome: its workstreams with their lead and rating for the period, rating the outcome, adding a workstream, and the outcome's rating history.</summary>
[RequirePermission("assurance.manage")]
public sealed class OutcomeModel(PlanService plans, TimeProvider time) : ImprovementPlanPageModel
{
    public Plan Plan { get; private set; } = default!;

    public PlanOutcome Outcome { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    public PlanPeriod Shown { get; private set; }

    public IReadOnlyDictionary<Guid, PlanRating> Ratings { get; private set; } = new Dictionary<Guid, PlanRating>();

    public IReadOnlyList<PlanRating> History { get; private set; } = [];

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty]
    public RateForm Rate { get; set; } = new();

    [BindProperty]
    public WorkstreamForm Workstream { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRateAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => plans.RateAsync(RatedItemKind.Outcome, id, Rate.Version, Rate.ToInput(), Actor, cancellationToken), "Rate"))
        {
            Notice = "The rating is recorded.";
            return Redirect($"/assurance/improvement-plan/outcomes/{id}?period={Rate.Period}");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostWorkstreamAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => plans.AddWorkstreamAsync(id, new WorkstreamInput(Workstream.Title, Workstream.LeadUserId, Workstream.Impact), Actor, cancellationToken), "Workstream"))
        {
            Notice = "The workstream is added.";
            return Redirect($"/assurance/improvement-plan/outcomes/{id}");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var planId = await plans.PlanOfAsync(RatedItemKind.Outcome, id, cancellationToken);
        if (planId is null || await plans.GetAsync(planId.Value, cancellationToken) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        Outcome = plan.Outcomes.Single(o => o.Id == id);
        Today = UkTime.Today(time);
        var latest = PlanPeriod.Of(plan.Frequency, Today < plan.EndsOn ? Today : plan.EndsOn);
        Shown = PlanPeriod.Parse(plan.Frequency, Period) is { } p && p.Start <= latest.Start ? p : latest;
        if (!Request.HasFormContentType)
        {
            Rate = new RateForm { Period = Shown.Key, Version = Outcome.Version };
        }

        Ratings = await plans.CurrentRatingsAsync(plan.Id, Shown.Key, cancellationToken);
        History = await plans.HistoryAsync(id, cancellationToken);
        People = [new SelectListItem("Select the lead", ""), .. (await plans.PeopleAsync(cancellationToken)).Select(u => new SelectListItem($"{u.Name} ({u.Agency})", u.Id.ToString()))];
        return true;
    }

    public sealed class WorkstreamForm
    {
        public string? Title { get; set; }

        public Guid? LeadUserId { get; set; }

        public string? Impact { get; set; }
    }
}
