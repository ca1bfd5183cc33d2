using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.ImprovementPlan;

/// <summary>
/// The improvement plan's milestones and actions on their owner's due work: each one not completed that is overdue or
/// due within the next 28 days, linked to the owner's part of the plan.
/// </summary>
public sealed class PlanDueWorkSource(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    public const int DaysAhead = 28;

    /// <summary>A milestone's due date is set in the plan, not by a timescale: this rule names it on due work.</summary>
    public static readonly TimescaleRule Rule = TimescaleRule.DueDateSetBy(
        "improvement-plan-action",
        "A milestone or action of the partnership's improvement plan",
        "the plan",
        "The partnership's improvement plan");

    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.WorkerId is not { } worker)
        {
            return [];
        }

        var today = UkTime.Today(db.Time);
        var horizon = today.AddDays(DaysAhead);
        var open = await db.Set<PlanAction>().AsNoTracking()
            .Where(a => a.OwnerUserId == worker && a.Status != PlanActionStatus.Completed && a.DueOn <= horizon)
            .Select(a => new { a.Kind, a.Title, a.DueOn })
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. open.OrderBy(a => a.DueOn).Select(a => new DueItem(
            null,
            "Improvement plan",
            (a.Kind == PlanActionKind.Milestone ? "Milestone: " : "Action: ") + (a.Title.Length <= 80 ? a.Title : a.Title[..79] + "…"),
            null,
            worker,
            deadlines.Assess(new Deadline(Rule, a.DueOn < today ? a.DueOn : today, a.DueOn)),
            "/my-agency/improvement-plan"))];
    }
}
