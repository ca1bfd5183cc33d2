using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Safeguard.Calendar;
using Safeguard.Governance;
using Safeguard.ImprovementPlan;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.ImprovementPlan;

/// <summary>
/// A workstream: its lead, milestones and actions (due, owner, status, rating), rating the workstream or one of its
/// actions for a period, adding milestones and actions, moving them on, evidence notes, the rating history, "Change"
/// links to edit it and its milestones and actions, and the business plan priorities it delivers.
/// </summary>
[RequirePermission("assurance.manage")]
public sealed class WorkstreamModel(PlanService plans, BoardService boards, TimeProvider time) : ImprovementPlanPageModel
{
    public Plan Plan { get; private set; } = default!;

    public PlanOutcome Outcome { get; private set; } = default!;

    public Workstream Workstream { get; private set; } = default!;

    public DateOnly Today { get; private set; }

    public PlanPeriod Shown { get; private set; }

    public IReadOnlyDictionary<Guid, PlanRating> Ratings { get; private set; } = new Dictionary<Guid, PlanRating>();

    public IReadOnlyList<PlanRating> History { get; private set; } = [];

    public IReadOnlyList<PlanEvidenceNote> Evidence { get; private set; } = [];

    public IReadOnlyList<SelectListItem> People { get; private set; } = [];

    /// <summary>The business plan priorities (of any year) delivered through this workstream.</summary>
    public IReadOnlyList<BusinessPriority> Priorities { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty]
    public RateForm Rate { get; set; } = new();

    [BindProperty]
    public RateForm RateAction { get; set; } = new();

    [BindProperty]
    public ActionForm NewAction { get; set; } = new();

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public Guid? NoteActionId { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostRateAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Rate", () => plans.RateAsync(RatedItemKind.Workstream, id, Rate.Version, Rate.ToInput(), Actor, cancellationToken), "The workstream's rating is recorded.", cancellationToken);

    public Task<IActionResult> OnPostRateActionAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "RateAction", async () =>
        {
            if (RateAction.ItemId is not { } actionId || !Workstream.Actions.Any(a => a.Id == actionId))
            {
                throw new Common.SafeguardValidationException("ItemId", "Select the milestone or action to rate");
            }

            await plans.RateAsync(RatedItemKind.Action, actionId, RateAction.Version, RateAction.ToInput(), Actor, cancellationToken);
        }, "The rating is recorded.", cancellationToken);

    public Task<IActionResult> OnPostActionAsync(Guid id, CancellationToken cancellationToken)
    {
        var due = ReadDate("NewAction.DueOn", "due date");
        return ChangeAsync(id, "NewAction", () => plans.AddActionAsync(id, new ActionInput(Enum.TryParse<PlanActionKind>(NewAction.Kind, out var k) ? k : null, NewAction.Title, due, NewAction.OwnerUserId), Actor, cancellationToken), "It is added to the workstream.", cancellationToken);
    }

    public Task<IActionResult> OnPostStatusAsync(Guid id, Guid actionId, int version, string? status, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Status", () => plans.UpdateActionAsync(actionId, version, Enum.TryParse<PlanActionStatus>(status, out var s) ? s : null, Actor, cancellationToken), "The status is changed.", cancellationToken);

    public Task<IActionResult> OnPostEvidenceAsync(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "Evidence", () => plans.AddEvidenceAsync(id, NoteActionId, Note, Actor, cancellationToken), "The evidence is added.", cancellationToken);

    private async Task<IActionResult> ChangeAsync(Guid id, string prefix, Func<Task> change, string notice, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await TryChangeAsync(change, prefix))
        {
            Notice = notice;
            return Redirect($"/assurance/improvement-plan/workstreams/{id}?period={Shown.Key}");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var planId = await plans.PlanOfAsync(RatedItemKind.Workstream, id, cancellationToken);
        if (planId is null || await plans.GetAsync(planId.Value, cancellationToken) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        Outcome = plan.Outcomes.Single(o => o.Workstreams.Any(w => w.Id == id));
        Workstream = Outcome.Workstreams.Single(w => w.Id == id);
        Today = UkTime.Today(time);
        var latest = PlanPeriod.Of(plan.Frequency, Today < plan.EndsOn ? Today : plan.EndsOn);
        Shown = PlanPeriod.Parse(plan.Frequency, Period) is { } p && p.Start <= latest.Start ? p : latest;
        if (!Request.HasFormContentType)
        {
            Rate = new RateForm { Period = Shown.Key, Version = Workstream.Version };
            RateAction = new RateForm { Period = Shown.Key };
        }

        Ratings = await plans.CurrentRatingsAsync(plan.Id, Shown.Key, cancellationToken);
        var history = new List<PlanRating>(await plans.HistoryAsync(id, cancellationToken));
        foreach (var a in Workstream.Actions)
        {
            history.AddRange(await plans.HistoryAsync(a.Id, cancellationToken));
        }

        History = [.. history.OrderByDescending(r => r.Period, StringComparer.Ordinal).ThenByDescending(r => r.RatedAt)];
        Evidence = await plans.EvidenceAsync(id, cancellationToken);
        Priorities = await boards.PrioritiesCitingAsync(id, cancellationToken);
        People = [new SelectListItem("Select the owner", ""), .. (await plans.PeopleAsync(cancellationToken)).Select(u => new SelectListItem($"{u.Name} ({u.Agency})", u.Id.ToString()))];
        return true;
    }

    public string NameOf(Guid itemId) => itemId == Workstream.Id ? "Workstream" : Workstream.Actions.FirstOrDefault(a => a.Id == itemId)?.Title ?? "";

    public sealed class ActionForm
    {
        public string? Kind { get; set; }

        public string? Title { get; set; }

        public Guid? OwnerUserId { get; set; }
    }
}
