using Safeguard.Calendar;
using Safeguard.Persistence;

namespace Safeguard.ImprovementPlan;

/// <summary>A milestone or action as the progress report lists it.</summary>
public sealed record ReportAction(string Kind, string Title, DateOnly DueOn, string Owner, string Status, ProgressRating? Rating);

/// <summary>A workstream as the progress report gives it: lead, rating and commentary, impact, actions and evidence.</summary>
public sealed record ReportWorkstream(string Title, string Lead, ProgressRating? Rating, string? Commentary, string? Impact, IReadOnlyList<ReportAction> Actions);

/// <summary>An outcome's row of the overview and its section.</summary>
public sealed record ReportOutcome(int Number, string Title, string? Theme, ProgressRating? Rating, string? Commentary, IReadOnlyList<ReportWorkstream> Workstreams);

/// <summary>
/// The plan's progress report for one period, in the shape of the partnership's own: the rating key, the overview of
/// outcomes with their rating, key achievements and challenges, upcoming milestones, then each outcome's workstreams.
/// </summary>
public sealed record ProgressReport(
    string PlanTitle,
    PlanPeriod Period,
    DateOnly ProducedOn,
    IReadOnlyList<ReportOutcome> Outcomes,
    string? KeyAchievements,
    string? KeyChallenges,
    IReadOnlyList<ReportAction> UpcomingMilestones)
{
    public string Title => $"{PlanTitle}: progress report {Period.Name}";

    public static string StatusName(PlanActionStatus status) => status switch
    {
        PlanActionStatus.NotStarted => "Not started",
        PlanActionStatus.InProgress => "In progress",
        _ => "Completed",
    };
}

/// <summary>Gathers a plan's progress report for a period from its ratings, summary and milestones.</summary>
public sealed class ProgressReportBuilder(SafeguardDbContext db, PlanService plans)
{
    /// <summary>The report for the period named by <paramref name="periodKey"/>; a clear error names a period that is not one of the plan's.</summary>
    public async Task<ProgressReport> BuildAsync(Guid planId, string? periodKey, CancellationToken cancellationToken = default)
    {
        var plan = await plans.GetAsync(planId, cancellationToken) ?? throw new Common.SafeguardValidationException("Plan", "There is no such improvement plan");
        var period = PlanPeriod.Parse(plan.Frequency, periodKey)
            ?? throw new Common.SafeguardValidationException("Period", $"'{periodKey}' is not a reporting period of {plan.Title}: it is reported {plan.Frequency.ToString().ToLowerInvariant()}, so a period looks like {PlanPeriod.Example(plan.Frequency)}");
        var ratings = await plans.CurrentRatingsAsync(planId, period.Key, cancellationToken);
        var summary = await plans.SummaryAsync(planId, period.Key, cancellationToken);
        ProgressRating? R(Guid id) => ratings.TryGetValue(id, out var r) ? r.Rating : null;
        string? C(Guid id) => ratings.TryGetValue(id, out var r) ? r.Commentary : null;
        ReportAction A(PlanAction a) => new(a.Kind == PlanActionKind.Milestone ? "Milestone" : "Action", a.Title, a.DueOn, $"{a.OwnerName} ({a.OwnerAgency?.Name})", ProgressReport.StatusName(a.Status), R(a.Id));
        var outcomes = plan.Outcomes.Select(o => new ReportOutcome(o.Number, o.Title, o.Theme, R(o.Id), C(o.Id),
            [.. o.Workstreams.Select(w => new ReportWorkstream(w.Title, $"{w.LeadName} ({w.LeadAgency?.Name})", R(w.Id), C(w.Id), w.Impact, [.. w.Actions.Select(A)]))])).ToList();
        var next = period.Next;
        var upcoming = plan.Outcomes.SelectMany(o => o.Workstreams).SelectMany(w => w.Actions)
            .Where(a => a.Kind == PlanActionKind.Milestone && a.Status != PlanActionStatus.Completed && a.DueOn > period.End && a.DueOn <= next.End)
            .OrderBy(a => a.DueOn).Select(A).ToList();
        return new ProgressReport(plan.Title, period, UkTime.Today(db.Time), outcomes, summary?.KeyAchievements, summary?.KeyChallenges, upcoming);
    }
}
