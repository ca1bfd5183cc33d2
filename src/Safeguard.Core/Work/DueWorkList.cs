using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Journey;
using Safeguard.Persistence;
using Safeguard.Timescales;

namespace Safeguard.Work;

/// <summary>Where a piece of due work stands, as a list filters it.</summary>
public enum DueState
{
    Overdue,
    DueToday,
    DueSoon,
    NotYetDue,
}

/// <summary>The columns a due-work list sorts by.</summary>
public enum DueWorkSort
{
    DueDate,
    Child,
    What,
    Worker,
}

/// <summary>
/// What a practitioner narrows a due-work list to: part of the child's name, a worker (a team's list), what is due,
/// where it stands, and only what needs attention (overdue, due today or soon, assessments from their 40th working day).
/// </summary>
public sealed record DueWorkFilter
{
    public string? Child { get; init; }

    public Guid? WorkerId { get; init; }

    /// <summary>Only the team's work allocated to no worker.</summary>
    public bool Unallocated { get; init; }

    public string? What { get; init; }

    public DueState? State { get; init; }

    public bool AttentionOnly { get; init; }

    public DueWorkSort Sort { get; init; }

    public bool Descending { get; init; }
}

/// <summary>How much of a list's work is overdue, due soon (today, within the warning window, or an assessment from its 40th working day) and later.</summary>
public sealed record DueWorkCounts(int Overdue, int DueSoon, int Later)
{
    public int Total => Overdue + DueSoon + Later;

    public static DueWorkCounts Of(IEnumerable<DueItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        int overdue = 0, soon = 0, later = 0;
        foreach (var item in items)
        {
            if (item.Assessment.Status == DeadlineStatus.Overdue)
            {
                overdue++;
            }
            else if (JourneyDeadline.NeedsAttention(item.Assessment))
            {
                soon++;
            }
            else
            {
                later++;
            }
        }

        return new DueWorkCounts(overdue, soon, later);
    }
}

/// <summary>A due-work list as shown: the filtered rows (all of them, for export) and one page of them, the counts before filtering, and names.</summary>
/// <param name="Rows">Every row that passes the filter, sorted.</param>
/// <param name="Page">The page of <paramref name="Rows"/> asked for.</param>
/// <param name="Counts">Overdue, due soon and later in the whole list before the filter.</param>
/// <param name="Names">Team and worker names by id.</param>
/// <param name="Workers">The workers the list's work is allocated to, by name, for the worker filter.</param>
/// <param name="Kinds">What is due, each kind once, for the "what" filter.</param>
public sealed record DueWorkResult(
    IReadOnlyList<DueItem> Rows,
    ListPage<DueItem> Page,
    DueWorkCounts Counts,
    IReadOnlyDictionary<Guid, string> Names,
    IReadOnlyList<(Guid Id, string Name)> Workers,
    IReadOnlyList<string> Kinds);

/// <summary>
/// Due work from every registered source for one worker or team, filtered, sorted and paged. The sources read only
/// the work in scope (the worker's or team's open allocations) with set-based queries; where each deadline stands
/// is worked out with the calendar in memory, over that work only. The work in scope is kept while the records are
/// unchanged, for at most <see cref="MaxAge"/> and within the day (ADR 0032): it names a restricted child as
/// restricted for everyone, so it is the same for every reader.
/// </summary>
public sealed class DueWorkList(IEnumerable<IDueWorkSource> sources, SafeguardDbContext db, VersionedCache<IReadOnlyList<DueItem>> kept, IServiceScopeFactory scopes)
{
    /// <summary>How long the work in scope is shown, with no change to the records, before it is read again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);

    /// <summary>Every piece of work in scope, unfiltered, earliest due first.</summary>
    public Task<IReadOnlyList<DueItem>> AllAsync(DueWorkQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return kept.GetAsync(db, $"{query.WorkerId}|{query.TeamId}", MaxAge, async _ =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DueWorkList>().ReadAsync(query, CancellationToken.None);
        }, cancellationToken);
    }

    /// <summary>Every piece of work in scope read from the records now, unfiltered, earliest due first.</summary>
    public async Task<IReadOnlyList<DueItem>> ReadAsync(DueWorkQuery query, CancellationToken cancellationToken = default)
    {
        var items = new List<DueItem>();
        foreach (var source in sources)
        {
            items.AddRange(await source.DueAsync(query, cancellationToken));
        }

        return [.. items.OrderBy(i => i.Assessment.Deadline.DueDate).ThenBy(i => i.ChildName, StringComparer.Ordinal)];
    }

    /// <summary>Overdue, due soon and later for a worker or team: what the home page shows.</summary>
    public async Task<DueWorkCounts> CountAsync(DueWorkQuery query, CancellationToken cancellationToken = default) =>
        DueWorkCounts.Of(await AllAsync(query, cancellationToken));

    public async Task<DueWorkResult> ListAsync(DueWorkQuery query, DueWorkFilter filter, int page, int pageSize = ListPage.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var all = await AllAsync(query, cancellationToken);
        var ids = all.SelectMany(i => new[] { i.TeamId, i.WorkerId }).OfType<Guid>().Distinct().ToList();
        var names = (await db.Teams.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
            .Concat(await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, Name = u.DisplayName }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.Id, x => x.Name);
        var scope = filter.AttentionOnly ? [.. all.Where(i => JourneyDeadline.NeedsAttention(i.Assessment))] : all;
        var rows = Sort(Filter(scope, filter), filter, names);
        var workers = scope.Select(i => i.WorkerId).OfType<Guid>().Distinct()
            .Select(id => (Id: id, Name: names.GetValueOrDefault(id, ""))).OrderBy(w => w.Name, StringComparer.Ordinal).ToList();
        var kinds = scope.Select(i => i.What).Distinct().Order(StringComparer.Ordinal).ToList();
        return new DueWorkResult(rows, ListPage.Of(rows, page, pageSize), DueWorkCounts.Of(scope), names, workers, kinds);
    }

    /// <summary>Where an item stands, for the state filter.</summary>
    public static DueState StateOf(DeadlineAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return assessment.Status switch
        {
            DeadlineStatus.Overdue => DueState.Overdue,
            DeadlineStatus.DueToday => DueState.DueToday,
            DeadlineStatus.DueSoon => DueState.DueSoon,
            _ => DueState.NotYetDue,
        };
    }

    private static List<DueItem> Filter(IEnumerable<DueItem> items, DueWorkFilter filter)
    {
        var child = filter.Child?.Trim();
        var what = filter.What?.Trim();
        return [.. items.Where(i =>
            (string.IsNullOrEmpty(child) || i.ChildName.Contains(child, StringComparison.OrdinalIgnoreCase))
            && (filter.WorkerId is null || i.WorkerId == filter.WorkerId)
            && (!filter.Unallocated || i.WorkerId is null)
            && (string.IsNullOrEmpty(what) || string.Equals(i.What, what, StringComparison.Ordinal))
            && (filter.State is null || StateOf(i.Assessment) == filter.State))];
    }

    private static List<DueItem> Sort(List<DueItem> items, DueWorkFilter filter, IReadOnlyDictionary<Guid, string> names)
    {
        string Worker(DueItem i) => i.WorkerId is { } w ? names.GetValueOrDefault(w, "") : "";
        IOrderedEnumerable<DueItem> sorted = filter.Sort switch
        {
            DueWorkSort.Child => Order(items, i => i.ChildName, filter.Descending),
            DueWorkSort.What => Order(items, i => i.What, filter.Descending),
            DueWorkSort.Worker => Order(items, Worker, filter.Descending),
            _ => filter.Descending ? items.OrderByDescending(i => i.Assessment.Deadline.DueDate) : items.OrderBy(i => i.Assessment.Deadline.DueDate),
        };
        return [.. sorted.ThenBy(i => i.Assessment.Deadline.DueDate).ThenBy(i => i.ChildName, StringComparer.Ordinal).ThenBy(i => i.What, StringComparer.Ordinal)];
    }

    private static IOrderedEnumerable<DueItem> Order(IEnumerable<DueItem> items, Func<DueItem, string> key, bool descending) =>
        descending ? items.OrderByDescending(key, StringComparer.OrdinalIgnoreCase) : items.OrderBy(key, StringComparer.OrdinalIgnoreCase);
}
