using Microsoft.AspNetCore.Mvc;
using Safeguard.ImprovementPlan;
using Safeguard.Web.Authorization;

namespace Safeguard.Web.Pages.ImprovementPlan;

/// <summary>The plan's figures for the annual report: counts by rating per period and milestones met on time per year, also as JSON.</summary>
[RequirePermission("performance.view")]
public sealed class FiguresModel(PlanFigures figures) : ImprovementPlanPageModel
{
    public PlanFigureSet Figures { get; private set; } = default!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await figures.ForPlanAsync(id, cancellationToken) is not { } set)
        {
            return NotFound();
        }

        Figures = set;
        return Page();
    }

    /// <summary>The same figures as data.</summary>
    public async Task<IActionResult> OnGetJsonAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await figures.ForPlanAsync(id, cancellationToken) is not { } set)
        {
            return NotFound();
        }

        return new JsonResult(new
        {
            plan = set.Plan.Title,
            frequency = set.Plan.Frequency.ToString(),
            ratings = ProgressRatings.Key.Select(d => new { rating = d.Rating.ToString(), colour = d.Colour, d.Letter, definition = d.Meaning }),
            periods = set.Periods.Select(p => new
            {
                period = p.Period.Key,
                name = p.Period.Name,
                outcomes = Counts(p, RatedItemKind.Outcome),
                workstreams = Counts(p, RatedItemKind.Workstream),
                actions = Counts(p, RatedItemKind.Action),
            }),
            years = set.Years.Select(y => new { year = y.Year.Name, due = y.Due, metOnTime = y.MetOnTime, completedLate = y.CompletedLate, overdue = y.Overdue, notYetDue = y.NotYetDue, onTimeRate = y.OnTimeRate }),
        });
    }

    private static Dictionary<string, int> Counts(PeriodRatingCounts period, RatedItemKind kind) =>
        ProgressRatings.Key.ToDictionary(d => d.Rating.ToString(), d => period.Count(kind, d.Rating));
}
