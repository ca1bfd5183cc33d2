using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Journey;

/// <summary>A week, Monday to Sunday.</summary>
public readonly record struct PracticeWeek(DateOnly Monday)
{
    public DateOnly Sunday => Monday.AddDays(6);

    public bool Contains(DateOnly date) => date >= Monday && date <= Sunday;

    /// <summary>The week (Monday to Sunday) a day falls in.</summary>
    public static PracticeWeek Of(DateOnly day) => new(day.AddDays(-(((int)day.DayOfWeek + 6) % 7)));
}

/// <summary>One measure's figure for a week: how many met it of how many counted.</summary>
public sealed record WeekFigure(int Numerator, int Denominator)
{
    /// <summary>The percentage met, or null when nothing was counted.</summary>
    public decimal? Percentage => Denominator == 0 ? null : Math.Round(100m * Numerator / Denominator, 1, MidpointRounding.AwayFromZero);
}

/// <summary>The practice measures of the team performance view.</summary>
public enum PracticeMeasure
{
    /// <summary>Child protection visits falling due in the week, and how many were made (the child seen) by the due date.</summary>
    CpVisits,

    /// <summary>Assessments authorised in the week, and how many within 45 working days of the referral.</summary>
    Assessments,

    /// <summary>Child protection review conferences held in the week, and how many on time.</summary>
    ReviewConferences,

    /// <summary>Initial child protection conferences held in the week, and how many within 15 working days of the strategy discussion.</summary>
    InitialConferences,
}

/// <summary>One team's weekly figures, oldest week first.</summary>
public sealed record TeamWeeks(Guid TeamId, string TeamName, IReadOnlyDictionary<PracticeMeasure, IReadOnlyList<WeekFigure>> Figures);

/// <summary>
/// One worker's weekly figures within a team, oldest week first: the children allocated to them now (a team's
/// children with no worker are one more row, <see cref="WorkerId"/> null).
/// </summary>
public sealed record WorkerWeeks(Guid? WorkerId, string WorkerName, IReadOnlyDictionary<PracticeMeasure, IReadOnlyList<WeekFigure>> Figures);

/// <summary>Something a child is behind on today.</summary>
public sealed record BehindItem(string What, DateOnly DueDate, int WorkingDaysLate);

/// <summary>A child behind on at least one measure, with their team and worker.</summary>
/// <param name="PersonId">The child.</param>
/// <param name="ChildName">The child's name, or "Restricted record" when the reader is not named on a restricted record.</param>
/// <param name="TeamName">The team of the child's current allocation.</param>
/// <param name="WorkerName">The worker allocated, if any.</param>
/// <param name="Behind">What is overdue today.</param>
public sealed record ChildBehind(Guid PersonId, string ChildName, string TeamName, string? WorkerName, IReadOnlyList<BehindItem> Behind);

/// <remarks>Workers: for one team, its figures per allocated worker (the same events as the team's, split by worker); empty for every team.</remarks>
public sealed record TeamPerformanceResult(DateOnly Today, IReadOnlyList<PracticeWeek> Weeks, IReadOnlyList<TeamWeeks> Teams, IReadOnlyList<WorkerWeeks> Workers, ListPage<ChildBehind> Behind)
{
    /// <summary>The children behind on this page.</summary>
    public IReadOnlyList<ChildBehind> Children => Behind.Items;
}

/// <summary>
/// The team performance view: weekly figures per team on the key practice measures for the last N weeks
/// (Monday to Sunday, the current week so far last), and the children behind on any of them today. A child
/// belongs to the team and worker of their current allocation, and all their records count for them; for one
/// team, the same figures are split by worker.
/// </summary>
/// <summary>
/// What the team performance view works out from the records, before it is shown to a reader: the weekly
/// figures and who is behind today. Shared by every reader while the records are unchanged (ADR 0032).
/// </summary>
/// <param name="Today">The UK day it was worked out for.</param>
/// <param name="Weeks">The weeks shown, oldest first.</param>
/// <param name="Teams">Each team's weekly figures.</param>
/// <param name="Workers">For one team, each worker's; empty for every team.</param>
/// <param name="Behind">Each child behind today, with their current allocation's team and worker.</param>
/// <param name="TeamNames">The teams' names by id.</param>
/// <param name="WorkerNames">The workers' names by id.</param>
public sealed record TeamFigures(
    DateOnly Today,
    IReadOnlyList<PracticeWeek> Weeks,
    IReadOnlyList<TeamWeeks> Teams,
    IReadOnlyList<WorkerWeeks> Workers,
    IReadOnlyList<(Guid PersonId, Guid TeamId, Guid? WorkerId, IReadOnlyList<BehindItem> Behind)> Behind,
    IReadOnlyDictionary<Guid, string> TeamNames,
    IReadOnlyDictionary<Guid, string> WorkerNames);

/// <summary>
/// The team performance view: weekly figures per team on the key practice measures for the last N weeks
/// (Monday to Sunday, the current week so far last), and the children behind on any of them today. A child
/// belongs to the team and worker of their current allocation, and all their records count for them; for one
/// team, the same figures are split by worker. The figures are worked out once while the records are unchanged
/// (for at most <see cref="MaxAgeOfFigures"/>, and within the day); each reader's names and audit are their own.
/// </summary>
public sealed class TeamPerformance(SafeguardDbContext db, PersonIndex people, VersionedCache<TeamFigures> cache, IServiceScopeFactory scopes)
{
    public const int DefaultWeeks = 8;
    public const int MaxWeeks = 52;

    /// <summary>The row for a team's children allocated to the team but to no worker.</summary>
    public const string NoWorker = "Not allocated to a worker";

    /// <summary>How long figures worked out with no change to the records are shown before they are worked out again.</summary>
    public static readonly TimeSpan MaxAgeOfFigures = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The figures and one page of the children behind, with the listing audited: the view, and a read of each child
    /// the page names (ADR 0003); for one team, or every team with allocated children.
    /// </summary>
    public async Task<TeamPerformanceResult> ComputeAsync(int weeks, Guid? teamId, Actor actor, int page = 1, int pageSize = ListPage.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        weeks = Math.Clamp(weeks, 1, MaxWeeks);
        var figures = await cache.GetAsync(db, $"{weeks}|{teamId}", MaxAgeOfFigures, async now =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            return await FiguresAsync(services.GetRequiredService<SafeguardDbContext>(), services.GetRequiredService<CalendarAdministration>(), weeks, teamId, UkTime.ToUkDate(now), CancellationToken.None);
        }, cancellationToken);

        var behindIds = figures.Behind.Select(b => b.PersonId).ToList();
        var visible = await people.Visible(actor).AsNoTracking().Where(p => EF.Parameter(behindIds).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var children = figures.Behind
            .Select(b => new ChildBehind(b.PersonId, visible.GetValueOrDefault(b.PersonId) ?? JourneyDueWork.RestrictedName, figures.TeamNames.GetValueOrDefault(b.TeamId, ""),
                b.WorkerId is { } w ? figures.WorkerNames.GetValueOrDefault(w) : null, b.Behind))
            .OrderBy(c => c.TeamName, StringComparer.Ordinal).ThenByDescending(c => c.Behind.Max(x => x.WorkingDaysLate)).ThenBy(c => c.ChildName, StringComparer.Ordinal)
            .ToList();

        var shown = ListPage.Of(children, page, pageSize);
        using (db.BeginProcess("Casework.TeamPerformance", actor))
        {
            db.RecordAccess("TeamPerformance", teamId?.ToString() ?? "all", AuditAction.Viewed, $"weeks={weeks}; children behind={children.Count}; page={shown.Page}");
            foreach (var id in shown.Items.Select(c => c.PersonId).Where(visible.ContainsKey))
            {
                db.RecordAccess(PersonIndex.EntityType, id.ToString(), AuditAction.Viewed, "team performance");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new TeamPerformanceResult(figures.Today, figures.Weeks, figures.Teams, figures.Workers, shown);
    }

    /// <summary>Works the figures out from the records: every current allocation (of one team, or all) and its child's casework.</summary>
    public static async Task<TeamFigures> FiguresAsync(SafeguardDbContext db, CalendarAdministration calendar, int weeks, Guid? teamId, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(calendar);
        var current = PracticeWeek.Of(today);
        var range = Enumerable.Range(0, weeks).Select(i => new PracticeWeek(current.Monday.AddDays(-7 * (weeks - 1 - i)))).ToList();

        var allocations = db.Set<CaseAllocation>().AsNoTracking().Where(a => a.To == null);
        if (teamId is { } team)
        {
            allocations = allocations.Where(a => a.TeamId == team);
        }

        var currentAllocation = (await allocations.ToListAsync(cancellationToken))
            .GroupBy(a => a.PersonId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.From).First());
        var personIds = currentAllocation.Keys.ToList();
        var episodes = new List<NeedEpisode>();
        var visits = new List<ChildVisit>();
        foreach (var chunk in personIds.Chunk(500))
        {
            // One parameter for the chunk: 500 parameters each would make EF Core build the SQL afresh each time.
            episodes.AddRange(await CaseworkService.WithRecords(db.NeedEpisodes.AsNoTracking().Where(e => EF.Parameter(chunk).Contains(e.PersonId))).ToListAsync(cancellationToken));
            visits.AddRange(await db.Set<ChildVisit>().AsNoTracking().Where(v => EF.Parameter(chunk).Contains(v.PersonId)).ToListAsync(cancellationToken));
        }

        var teamIds = currentAllocation.Values.Select(a => a.TeamId).Distinct().ToList();
        var workerIds = currentAllocation.Values.Select(a => a.WorkerId).OfType<Guid>().Distinct().ToList();
        var teamNames = await db.Teams.AsNoTracking().Where(t => teamIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var workerNames = await db.Users.AsNoTracking().Where(u => workerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);

        var visitsByChild = visits.ToLookup(v => v.PersonId);
        var events = Events(episodes, visitsByChild, deadlines, today);
        var teams = teamIds
            .Select(id => new TeamWeeks(id, teamNames.GetValueOrDefault(id, ""), Weekly(events, range, e => currentAllocation[e.PersonId].TeamId == id)))
            .OrderBy(t => t.TeamName, StringComparer.Ordinal)
            .ToList();
        List<WorkerWeeks> workers = teamId is null
            ? []
            : [.. currentAllocation.Values.Select(a => a.WorkerId).Distinct()
                .Select(w => new WorkerWeeks(w, w is { } id ? workerNames.GetValueOrDefault(id, "") : NoWorker, Weekly(events, range, e => currentAllocation[e.PersonId].WorkerId == w)))
                .OrderBy(w => w.WorkerId is null).ThenBy(w => w.WorkerName, StringComparer.Ordinal)];

        var behind = Behind(episodes, visitsByChild, deadlines)
            .Where(b => b.Value.Count > 0)
            .Select(b => (b.Key, currentAllocation[b.Key].TeamId, currentAllocation[b.Key].WorkerId, (IReadOnlyList<BehindItem>)b.Value))
            .ToList();
        return new TeamFigures(today, range, teams, workers, behind, teamNames, workerNames);
    }

    /// <summary>A counted event: the child, the measure, the day it fell in a week, and whether it met the measure.</summary>
    public sealed record MeasureEvent(Guid PersonId, PracticeMeasure Measure, DateOnly Date, bool Met);

    /// <summary>
    /// Every event the measures count, up to today. Visits: each child protection plan's chain of <c>cp-visit</c>
    /// deadlines, from its start then from each visit at which the child was seen; a deadline counts in the week
    /// it falls in, met when a visit was made by it, and is counted once it has passed or been met. Assessments:
    /// on the day authorised. Conferences: on the day held, review conferences against the first (3 months) or
    /// later (6 months) review timescale, initial ones against 15 working days from the strategy discussion that started
    /// their enquiry.
    /// </summary>
    public static IReadOnlyList<MeasureEvent> Events(IEnumerable<NeedEpisode> episodes, ILookup<Guid, ChildVisit> visits, DeadlineService deadlines, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(episodes);
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(deadlines);
        var events = new List<MeasureEvent>();
        foreach (var episode in episodes)
        {
            foreach (var a in episode.Assessments.Where(a => a.AuthorisationDate is { } d && d <= today))
            {
                events.Add(new(episode.PersonId, PracticeMeasure.Assessments, a.AuthorisationDate!.Value, a.AuthorisationDate <= deadlines.Calculate("assessment", episode.ReferralDate).DueDate));
            }

            foreach (var s in episode.Enquiries.Where(s => s.ConferenceDate is { } d && d <= today))
            {
                // As the dataset's 6.4: 15 working days from the strategy discussion that started the enquiry.
                var strategy = episode.StrategyDiscussions.FirstOrDefault(d => d.Id == s.StrategyDiscussionId)?.Date ?? s.StartDate;
                events.Add(new(episode.PersonId, PracticeMeasure.InitialConferences, s.ConferenceDate!.Value, s.ConferenceDate <= deadlines.Calculate("icpc", strategy).DueDate));
            }

            foreach (var plan in episode.ProtectionPlans)
            {
                DateOnly? previous = null;
                foreach (var review in plan.Reviews.Where(r => r.Date <= today).OrderBy(r => r.Date))
                {
                    var due = previous is { } p ? deadlines.Calculate("later-cp-review", p) : deadlines.Calculate("first-cp-review", plan.StartDate);
                    events.Add(new(episode.PersonId, PracticeMeasure.ReviewConferences, review.Date, review.Date <= due.DueDate));
                    previous = review.Date;
                }

                events.AddRange(VisitEvents(episode.PersonId, plan, visits[episode.PersonId], deadlines, today));
            }
        }

        return events;
    }

    private static IEnumerable<MeasureEvent> VisitEvents(Guid personId, ProtectionPlan plan, IEnumerable<ChildVisit> visits, DeadlineService deadlines, DateOnly today)
    {
        var end = plan.EndDate is { } e && e < today ? e : today;
        var seen = visits.Where(v => v.ChildSeen && v.VisitDate >= plan.StartDate && v.VisitDate <= end).Select(v => v.VisitDate).Distinct().Order().ToList();
        var anchor = plan.StartDate;
        while (true)
        {
            var due = deadlines.Calculate(CpVisits.RuleId, anchor).DueDate;
            if (plan.EndDate is { } ended && due > ended)
            {
                yield break;
            }

            var index = seen.FindIndex(d => d > anchor);
            DateOnly? next = index < 0 ? null : seen[index];
            if (next is null && due >= today)
            {
                yield break; // not yet due and not yet made: counted once it is
            }

            yield return new MeasureEvent(personId, PracticeMeasure.CpVisits, due, next is { } made && made <= due);
            if (next is not { } visit)
            {
                yield break; // overdue and still not made: counted once, in the week it fell due
            }

            anchor = visit;
        }
    }

    /// <summary>What each child with an open episode is behind on today: overdue assessments, conferences, reviews and visits.</summary>
    private static Dictionary<Guid, List<BehindItem>> Behind(IEnumerable<NeedEpisode> episodes, ILookup<Guid, ChildVisit> visits, DeadlineService deadlines)
    {
        var behind = new Dictionary<Guid, List<BehindItem>>();
        foreach (var episode in episodes.Where(e => e.IsOpen && !e.ReferralNfa))
        {
            var items = behind.TryGetValue(episode.PersonId, out var list) ? list : behind[episode.PersonId] = [];
            var due = JourneyDeadline.For(episode, deadlines).Select(d => (d.What, d.Assessment)).ToList();
            foreach (var plan in episode.ProtectionPlans.Where(p => p.IsOpen))
            {
                due.Add(("Child protection visit", deadlines.Assess(CpVisits.Due(plan.StartDate, visits[episode.PersonId], deadlines))));
            }

            items.AddRange(due.Where(d => d.Assessment.Status == DeadlineStatus.Overdue)
                .Select(d => new BehindItem(d.What, d.Assessment.Deadline.DueDate, d.Assessment.WorkingDaysLate)));
        }

        return behind;
    }

    /// <summary>Each measure's figure for each week, over the events that <paramref name="counts"/> (a team's, or a worker's), in one pass over them.</summary>
    private static Dictionary<PracticeMeasure, IReadOnlyList<WeekFigure>> Weekly(IReadOnlyList<MeasureEvent> events, List<PracticeWeek> weeks, Func<MeasureEvent, bool> counts)
    {
        var met = Enum.GetValues<PracticeMeasure>().ToDictionary(m => m, _ => new int[weeks.Count]);
        var all = Enum.GetValues<PracticeMeasure>().ToDictionary(m => m, _ => new int[weeks.Count]);
        var first = weeks[0].Monday.DayNumber;
        foreach (var e in events)
        {
            var week = (e.Date.DayNumber - first) / 7;
            if (e.Date.DayNumber < first || week >= weeks.Count || !counts(e))
            {
                continue;
            }

            all[e.Measure][week]++;
            if (e.Met)
            {
                met[e.Measure][week]++;
            }
        }

        return Enum.GetValues<PracticeMeasure>().ToDictionary(
            m => m,
            m => (IReadOnlyList<WeekFigure>)[.. Enumerable.Range(0, weeks.Count).Select(w => new WeekFigure(met[m][w], all[m][w]))]);
    }
}
