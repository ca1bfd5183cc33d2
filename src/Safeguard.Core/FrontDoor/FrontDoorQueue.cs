using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.FrontDoor;

/// <summary>The columns the front door queue sorts by.</summary>
public enum QueueSort
{
    Received,
    Priority,
    Agency,
    Children,
}

/// <summary>
/// What the front door narrows its queue to: part of a child's name, the agency the contact came from, the RAG
/// priority (or not yet triaged), and where the decision's 1-working-day clock stands.
/// </summary>
public sealed record QueueFilter
{
    public string? Child { get; init; }

    public Guid? AgencyId { get; init; }

    public RagPriority? Priority { get; init; }

    public bool NotTriaged { get; init; }

    public DueState? State { get; init; }

    public QueueSort Sort { get; init; }

    public bool Descending { get; init; }
}

/// <summary>The front door queue as shown: the filtered rows (for export), one page of them, and the whole queue's counts.</summary>
public sealed record QueueResult(IReadOnlyList<QueueItem> Rows, ListPage<QueueItem> Page, DueWorkCounts Counts, IReadOnlyList<(Guid Id, string Name)> Agencies);

/// <summary>What the agency filters a partner's list of its own contacts by.</summary>
public sealed record AgencyContactFilter
{
    public string? Child { get; init; }

    /// <summary>Null: all; true: decided; false: awaiting a decision.</summary>
    public bool? Decided { get; init; }

    /// <summary>Newest first unless false.</summary>
    public bool NewestFirst { get; init; } = true;
}

/// <summary>
/// The practitioners' lists of contacts: the front door queue (contacts awaiting a decision) and a partner agency's
/// own contacts. Filters on stored columns are applied in the database (the received time, the decision and the
/// contact's children are indexed); the queue's clock is worked out with the calendar over the waiting contacts only.
/// </summary>
public sealed class FrontDoorQueue(SafeguardDbContext db, CalendarAdministration calendar)
{
    /// <summary>Contacts awaiting a decision, filtered, sorted and paged.</summary>
    public async Task<QueueResult> ListAsync(QueueFilter filter, int page, int pageSize = ListPage.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var waiting = db.Set<Contact>().AsNoTracking().Where(c => c.Decision == null);
        var all = await Project(waiting, cancellationToken);
        var filtered = waiting;
        if (filter.AgencyId is { } agency)
        {
            filtered = filtered.Where(c => c.FromAgencyId == agency);
        }

        if (filter.NotTriaged)
        {
            filtered = filtered.Where(c => c.Priority == null);
        }
        else if (filter.Priority is { } priority)
        {
            filtered = filtered.Where(c => c.Priority == priority);
        }

        if (filter.Child?.Trim() is { Length: > 0 } child)
        {
            var pattern = $"%{Like(child.ToUpperInvariant())}%";
            filtered = filtered.Where(c => c.Children.Any(ch => EF.Functions.Like(ch.DescribedName.ToUpper(), pattern, "\\")));
        }

        var rows = ReferenceEquals(filtered, waiting) ? all : await Project(filtered, cancellationToken);
        if (filter.State is { } state)
        {
            rows = [.. rows.Where(r => DueWorkList.StateOf(r.Deadline) == state)];
        }

        var sorted = Sort(rows, filter);
        var agencies = all.GroupBy(r => r.FromAgencyName).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var agencyList = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        return new QueueResult(sorted, ListPage.Of(sorted, page, pageSize), Counts(all),
            [.. agencyList.Where(a => agencies.Contains(a.Name)).Select(a => (a.Id, a.Name))]);
    }

    /// <summary>How many contacts await a decision: overdue, due today or soon, and later.</summary>
    public async Task<DueWorkCounts> CountAsync(CancellationToken cancellationToken = default) =>
        Counts(await Project(db.Set<Contact>().AsNoTracking().Where(c => c.Decision == null), cancellationToken));

    /// <summary>
    /// The contacts the actor's agency made, filtered and paged in the database (the count and one page), newest
    /// first; the search is audited. With <paramref name="pageSize"/> null, every filtered contact (for export).
    /// </summary>
    public async Task<ListPage<AgencyContactView>> AgencyContactsAsync(Actor actor, AgencyContactFilter filter, int page, int? pageSize = ListPage.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(filter);
        var agencyId = actor.AgencyId ?? Guid.Empty;
        var contacts = db.Set<Contact>().AsNoTracking().Where(c => c.FromAgencyId == agencyId);
        if (filter.Decided is { } decided)
        {
            contacts = decided ? contacts.Where(c => c.Decision != null) : contacts.Where(c => c.Decision == null);
        }

        if (filter.Child?.Trim() is { Length: > 0 } child)
        {
            var pattern = $"%{Like(child.ToUpperInvariant())}%";
            contacts = contacts.Where(c => c.Children.Any(ch => EF.Functions.Like(ch.DescribedName.ToUpper(), pattern, "\\")));
        }

        var total = await contacts.CountAsync(cancellationToken);
        var size = pageSize ?? Math.Max(1, total);
        var (number, skip) = ListPage.Clamp(total, page, size);
        var ordered = filter.NewestFirst ? contacts.OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.Id) : contacts.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id);
        var rows = await ordered.Skip(skip).Take(size)
            .Select(c => new
            {
                c.Id,
                c.ReceivedAt,
                c.ReferrerName,
                c.Concerns,
                c.Decision,
                c.DecidedAt,
                Children = c.Children.Select(ch => new { ch.DescribedName, ch.PersonId }).ToList(),
            })
            .ToListAsync(cancellationToken);
        using (db.BeginProcess("FrontDoor.AgencyContacts", actor))
        {
            db.RecordAccess(ContactService.EntityType, "agency:" + agencyId, pageSize is null ? AuditAction.Exported : AuditAction.Searched, $"results={rows.Count}; total={total}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ListPage<AgencyContactView>(
            [.. rows.Select(c => new AgencyContactView(c.Id, c.ReceivedAt, c.ReferrerName, c.Concerns, [.. c.Children.Select(ch => new AgencyContactChild(ch.DescribedName, ch.PersonId))], c.Decision, c.DecidedAt))],
            total, number, size);
    }

    private async Task<List<QueueItem>> Project(IQueryable<Contact> contacts, CancellationToken cancellationToken)
    {
        var rows = await contacts
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.ReceivedAt,
                Agency = c.FromAgency!.Name,
                c.Priority,
                Children = c.Children.Select(ch => ch.DescribedName).ToList(),
                Open = c.InformationRequests.Count(r => r.RespondedAt == null),
            })
            .ToListAsync(cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. rows.Select(c => new QueueItem(c.Id, c.ReceivedAt, c.Agency, string.Join(", ", c.Children.Order(StringComparer.Ordinal)), c.Priority, c.Open,
            deadlines.Assess(deadlines.Calculate(ContactService.TimescaleRule, c.ReceivedAt))))];
    }

    private static DueWorkCounts Counts(IEnumerable<QueueItem> items)
    {
        int overdue = 0, soon = 0, later = 0;
        foreach (var item in items)
        {
            switch (item.Deadline.Status)
            {
                case DeadlineStatus.Overdue:
                    overdue++;
                    break;
                case DeadlineStatus.DueToday or DeadlineStatus.DueSoon:
                    soon++;
                    break;
                default:
                    later++;
                    break;
            }
        }

        return new DueWorkCounts(overdue, soon, later);
    }

    private static List<QueueItem> Sort(List<QueueItem> rows, QueueFilter filter)
    {
        // Red first, then amber, green, and contacts not yet triaged last.
        static int Rank(RagPriority? p) => p is { } value ? (int)value : 3;
        IOrderedEnumerable<QueueItem> sorted = filter.Sort switch
        {
            QueueSort.Priority => filter.Descending ? rows.OrderByDescending(r => Rank(r.Priority)) : rows.OrderBy(r => Rank(r.Priority)),
            QueueSort.Agency => filter.Descending ? rows.OrderByDescending(r => r.FromAgencyName, StringComparer.OrdinalIgnoreCase) : rows.OrderBy(r => r.FromAgencyName, StringComparer.OrdinalIgnoreCase),
            QueueSort.Children => filter.Descending ? rows.OrderByDescending(r => r.Children, StringComparer.OrdinalIgnoreCase) : rows.OrderBy(r => r.Children, StringComparer.OrdinalIgnoreCase),
            _ => filter.Descending ? rows.OrderByDescending(r => r.ReceivedAt) : rows.OrderBy(r => r.ReceivedAt),
        };
        return [.. sorted.ThenBy(r => r.ReceivedAt).ThenBy(r => r.ContactId)];
    }

    /// <summary>Escapes LIKE's wildcards so that what was typed is matched as it is.</summary>
    private static string Like(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
