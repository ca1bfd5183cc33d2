using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.ImprovementPlan;

/// <summary>How many outcomes, workstreams and actions carried each rating in a period (their latest rating in it).</summary>
public sealed record PeriodRatingCounts(PlanPeriod Period, IReadOnlyDictionary<RatedItemKind, IReadOnlyDictionary<ProgressRating, int>> Counts)
{
    public int Count(RatedItemKind kind, ProgressRating rating) => Counts.TryGetValue(kind, out var byRating) ? byRating.GetValueOrDefault(rating) : 0;
}

/// <summary>Milestones and actions due in a reporting year: how many were met on time, late, are still open and overdue.</summary>
public sealed record YearDelivery(ReportingYear Year, int Due, int MetOnTime, int CompletedLate, int Overdue, int NotYetDue)
{
    public decimal OnTimeRate => Due == 0 ? 0 : Math.Round(100m * MetOnTime / Due, 1);
}

/// <summary>The plan's figures for the annual report: counts by rating per period and milestones met on time per year.</summary>
public sealed record PlanFigureSet(Plan Plan, IReadOnlyList<PeriodRatingCounts> Periods, IReadOnlyList<YearDelivery> Years);

/// <summary>Works out the plan's figures from its ratings and its milestones and actions.</summary>
public sealed class PlanFigures(SafeguardDbContext db)
{
    public async Task<PlanFigureSet?> ForPlanAsync(Guid planId, CancellationToken cancellationToken = default)
    {
        var plan = await db.Set<Plan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var today = UkTime.Today(db.Time);
        var ratings = await db.Set<PlanRating>().AsNoTracking().Where(r => r.PlanId == planId).ToListAsync(cancellationToken);
        var periods = PlanPeriod.Between(plan.Frequency, plan.StartsOn, today < plan.EndsOn ? today : plan.EndsOn);
        var latest = ratings.GroupBy(r => (r.Period, r.ItemId)).Select(g => g.OrderByDescending(r => r.RatedAt).First()).ToList();
        var counts = periods.Select(p => new PeriodRatingCounts(p, latest.Where(r => r.Period == p.Key)
            .GroupBy(r => r.ItemKind)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<ProgressRating, int>)g.GroupBy(r => r.Rating).ToDictionary(x => x.Key, x => x.Count()))))
            .ToList();

        var actions = await db.Set<PlanAction>().AsNoTracking().Where(a => a.PlanId == planId).ToListAsync(cancellationToken);
        var years = actions.GroupBy(a => ReportingYear.Of(a.DueOn)).OrderByDescending(g => g.Key.StartYear).Select(g => new YearDelivery(
            g.Key,
            g.Count(),
            g.Count(a => a.MetOnTime),
            g.Count(a => a.CompletedOn is { } done && done > a.DueOn),
            g.Count(a => a.IsOverdue(today)),
            g.Count(a => a.CompletedOn is null && a.DueOn >= today))).ToList();
        return new PlanFigureSet(plan, counts, years);
    }
}
