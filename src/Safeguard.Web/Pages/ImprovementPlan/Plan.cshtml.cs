using Microsoft.AspNetCore.Mvc;
using Safeguard.Calendar;
using Safeguard.ImprovementPlan;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.ImprovementPlan;

/// <summary>
/// A plan for a chosen period: the overview of outcomes with their rating, the period's key achievements and challenges
/// (edited with a version), adding outcomes, the rating history and the progress report to download as DOCX or PDF.
/// </summary>
[RequirePermission("assurance.manage")]
public sealed class PlanModel(PlanService plans, ProgressReportBuilder reports, TimeProvider time) : ImprovementPlanPageModel
{
    public Plan Plan { get; private set; } = default!;

    public PlanPeriod Shown { get; private set; }

    public DateOnly Today { get; private set; }

    public IReadOnlyDictionary<Guid, PlanRating> Ratings { get; private set; } = new Dictionary<Guid, PlanRating>();

    public PlanPeriodSummary? Summary { get; private set; }

    public IReadOnlyList<PlanRating> History { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    [BindProperty]
    public int Version { get; set; }

    [BindProperty]
    public OutcomeForm Outcome { get; set; } = new();

    [BindProperty]
    public SummaryForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new SummaryForm { KeyAchievements = Summary?.KeyAchievements, KeyChallenges = Summary?.KeyChallenges, SummaryVersion = Summary?.Version };
        return Page();
    }

    /// <summary>The progress report for the period, as DOCX or PDF.</summary>
    public async Task<IActionResult> OnGetReportAsync(Guid id, string? format, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var report = await reports.BuildAsync(id, Shown.Key, cancellationToken);
        var name = $"improvement-plan-{Shown.Key}";
        return string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase)
            ? File(ProgressReportPdf.Write(report), ProgressReportPdf.ContentType, name + ".pdf")
            : File(ProgressReportDocument.Write(report), ProgressReportDocument.ContentType, name + ".docx");
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => plans.AddOutcomeAsync(id, Version, new OutcomeInput(Outcome.Number, Outcome.Title, Outcome.Theme), Actor, cancellationToken), "Outcome"))
        {
            Notice = "The outcome is added.";
            return Redirect($"/assurance/improvement-plan/{id}?period={Shown.Key}");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSummaryAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (await TryChangeAsync(() => plans.SaveSummaryAsync(id, Shown.Key, Input.SummaryVersion, Input.KeyAchievements, Input.KeyChallenges, Actor, cancellationToken), "Input"))
        {
            Notice = $"The key achievements and challenges for {Shown.Name} are saved.";
            return Redirect($"/assurance/improvement-plan/{id}?period={Shown.Key}");
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await plans.GetAsync(id, cancellationToken) is not { } plan)
        {
            return false;
        }

        Plan = plan;
        Today = UkTime.Today(time);
        var latest = PlanPeriod.Of(plan.Frequency, Today < plan.EndsOn ? Today : plan.EndsOn);
        Shown = PlanPeriod.Parse(plan.Frequency, Period) is { } p && p.Start <= latest.Start ? p : latest;
        if (!Request.HasFormContentType)
        {
            Version = plan.Version;
        }

        Ratings = await plans.CurrentRatingsAsync(id, Shown.Key, cancellationToken);
        Summary = await plans.SummaryAsync(id, Shown.Key, cancellationToken);
        History = [.. (await plans.PlanHistoryAsync(id, cancellationToken)).Take(30)];
        var names = new Dictionary<Guid, string>();
        foreach (var o in plan.Outcomes)
        {
            names[o.Id] = $"Outcome {o.Number}";
            foreach (var w in o.Workstreams)
            {
                names[w.Id] = w.Title;
                foreach (var a in w.Actions)
                {
                    names[a.Id] = a.Title;
                }
            }
        }

        Names = names;
        return true;
    }

    public sealed class OutcomeForm
    {
        public int? Number { get; set; }

        public string? Title { get; set; }

        public string? Theme { get; set; }
    }

    public sealed class SummaryForm
    {
        public int? SummaryVersion { get; set; }

        public string? KeyAchievements { get; set; }

        public string? KeyChallenges { get; set; }
    }
}
