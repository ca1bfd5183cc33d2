using Microsoft.EntityFrameworkCore;
using Safeguard.AnnualReport;
using Safeguard.Calendar;
using Safeguard.Persistence;
using static Safeguard.AnnualReport.ReportText;

namespace Safeguard.ImprovementPlan;

/// <summary>
/// The annual report's section on the partnership's priorities (ADR 0077), from the improvement plan: each outcome with
/// its latest rating in the reporting year, the outcomes and workstreams counted by rating, milestones and actions due
/// in the year met on time, and the key achievements and challenges recorded for each period of the year.
/// </summary>
public sealed class PlanReportSection(SafeguardDbContext db, PlanFigures figures) : IAnnualReportSection
{
    public string Key => "priorities";

    public string Title => "Progress on the partnership's priorities (the improvement plan)";

    public int Order => 20;

    public async Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = request.Year;
        var plans = await db.Set<Plan>().AsNoTracking()
            .Where(p => p.StartsOn <= year.End && p.EndsOn >= year.Start)
            .OrderBy(p => p.StartsOn).ThenBy(p => p.Title).ToListAsync(cancellationToken);
        if (plans.Count == 0)
        {
            return ReportSection.NoRecords(this, $"the partnership has no improvement plan covering {year.Name}.");
        }

        var blocks = new List<ReportBlock>();
        foreach (var plan in plans)
        {
            if (plans.Count > 1)
            {
                blocks.Add(new ReportSubheading(plan.Title));
            }

            blocks.AddRange(await PlanBlocksAsync(plan, request, cancellationToken));
        }

        return new ReportSection(Key, Title, Order, true, blocks);
    }

    private async Task<List<ReportBlock>> PlanBlocksAsync(Plan plan, AnnualReportRequest request, CancellationToken cancellationToken)
    {
        var year = request.Year;
        var today = UkTime.Today(db.Time);
        var until = new[] { today, plan.EndsOn, year.End }.Min();
        List<PlanPeriod> periods = until < year.Start ? [] : [.. PlanPeriod.Between(plan.Frequency, plan.StartsOn > year.Start ? plan.StartsOn : year.Start, until)
            .Where(p => p.End >= year.Start && p.Start <= year.End)];
        var order = periods.Select((p, i) => (p.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var outcomes = await db.Set<PlanOutcome>().AsNoTracking().Where(o => o.PlanId == plan.Id).OrderBy(o => o.Number).ToListAsync(cancellationToken);
        var workstreams = await db.Set<Workstream>().AsNoTracking().Where(w => w.PlanId == plan.Id).CountAsync(cancellationToken);
        var keys = order.Keys.ToList();
        var ratings = await db.Set<PlanRating>().AsNoTracking()
            .Where(r => r.PlanId == plan.Id && r.ItemKind != RatedItemKind.Action && keys.Contains(r.Period)).ToListAsync(cancellationToken);

        // The latest rating of each outcome and workstream in the year: the newest period first (periods are newest first), then the newest rating.
        var latest = ratings.GroupBy(r => r.ItemId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => order[r.Period]).ThenByDescending(r => r.RatedAt).First());
        var byPeriod = periods.ToDictionary(p => p.Key, StringComparer.Ordinal);

        List<ReportBlock> blocks =
        [
            new ReportParagraph($"The partnership's improvement plan \"{plan.Title}\" runs from {Date(plan.StartsOn)} to {Date(plan.EndsOn)}: " +
                $"{Plural(outcomes.Count, "outcome")} delivered through {Plural(workstreams, "workstream")}, rated {(plan.Frequency == ReportingFrequency.Quarterly ? "each quarter" : "each month")}. " +
                (latest.Count == 0 ? $"No outcome or workstream was rated in {year.Name}." : $"The ratings below are each outcome's latest in {year.Name}.")),
        ];

        var rated = latest.Values.ToList();
        if (rated.Count > 0)
        {
            var counts = ProgressRatings.Key.Select(d => (d.Rating, Outcomes: rated.Count(r => r.ItemKind == RatedItemKind.Outcome && r.Rating == d.Rating),
                Workstreams: rated.Count(r => r.ItemKind == RatedItemKind.Workstream && r.Rating == d.Rating))).ToList();
            blocks.Add(new ReportChart($"Outcomes by their latest rating in {year.Name}", "Outcomes", [.. counts.Select(c => new ChartBar(ProgressRatings.Name(c.Rating), c.Outcomes))]));
            blocks.Add(new ReportTable($"Outcomes and workstreams by their latest rating in {year.Name}", ["Rating", "Outcomes", "Workstreams"],
                [.. counts.Select(c => (IReadOnlyList<string>)[ProgressRatings.Name(c.Rating), N(c.Outcomes), N(c.Workstreams)]),
                    ["Not rated this year", N(outcomes.Count - rated.Count(r => r.ItemKind == RatedItemKind.Outcome)), N(workstreams - rated.Count(r => r.ItemKind == RatedItemKind.Workstream))]]));
        }

        if (outcomes.Count > 0)
        {
            blocks.Add(new ReportTable($"The plan's outcomes and their latest rating in {year.Name}", ["Outcome", "Rating", "As at", "Commentary"],
                [.. outcomes.Select(o => latest.TryGetValue(o.Id, out var r)
                    ? (IReadOnlyList<string>)[$"{o.Number}. {o.Title}", ProgressRatings.Name(r.Rating), byPeriod[r.Period].Name, r.Commentary ?? ""]
                    : [$"{o.Number}. {o.Title}", "Not rated this year", "-", ""])]));
        }

        var delivery = (await figures.ForPlanAsync(plan.Id, cancellationToken))?.Years.FirstOrDefault(y => y.Year == year);
        if (delivery is { Due: > 0 })
        {
            blocks.Add(new ReportParagraph($"Milestones and actions due in {year.Name}: {N(delivery.Due)}. Met on time: {N(delivery.MetOnTime)} ({Percent(delivery.OnTimeRate)}); " +
                $"completed late: {N(delivery.CompletedLate)}; overdue: {N(delivery.Overdue)}; not yet due: {N(delivery.NotYetDue)}."));
        }

        var summaries = await db.Set<PlanPeriodSummary>().AsNoTracking().Where(s => s.PlanId == plan.Id && keys.Contains(s.Period)).ToListAsync(cancellationToken);
        var written = summaries.Where(s => !string.IsNullOrWhiteSpace(s.KeyAchievements) || !string.IsNullOrWhiteSpace(s.KeyChallenges))
            .OrderByDescending(s => order[s.Period]).ToList();
        if (written.Count > 0)
        {
            blocks.Add(new ReportSubheading("Key achievements and challenges"));
            blocks.Add(new ReportTable($"Key achievements and challenges recorded in {year.Name}", ["Period", "Key achievements", "Key challenges"],
                [.. written.Select(s => (IReadOnlyList<string>)[byPeriod[s.Period].Name, Lines(s.KeyAchievements), Lines(s.KeyChallenges)])]));
        }

        return blocks;
    }

    private static string Plural(int count, string word) => $"{N(count)} {word}{(count == 1 ? "" : "s")}";

    private static string Lines(string? text) => string.IsNullOrWhiteSpace(text) ? "None recorded" : string.Join("; ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
