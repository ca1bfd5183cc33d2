using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

/// <summary>The whole front door queue as worked out from the records, with what its filters need; kept while the records are unchanged.</summary>
public sealed record KeptQueue(IReadOnlyList<KeptQueueItem> Items, IReadOnlyList<(Guid Id, string Name)> Agencies);

/// <summary>A contact awaiting a decision, with the agency's id and each child's name for the filters.</summary>
public sealed record KeptQueueItem(QueueItem Item, Guid FromAgencyId, IReadOnlyList<string> ChildNames);

/// <summary>
/// The practitioners' lists of contacts: the front door queue (contacts awaiting a decision) and a partner agency's
/// own contacts. The queue (every waiting contact with its clock) is worked out once while the records are unchanged,
/// for at most <see cref="MaxAgeOfQueue"/> and within the day (ADR 0032), and each request filters, sorts and pages it;
/// a partner's contacts are filtered and paged in the database (the agency and received time are indexed).
/// </summary>
public sealed class FrontDoorQueue(SafeguardDbContext db, VersionedCache<KeptQueue> kept, IServiceScopeFactory scopes, AgencyCounts agencyCounts)
{
    /// <summary>How long a queue worked out with no change to the records is shown before it is worked out again (its clock runs in working days).</summary>
    public static readonly TimeSpan MaxAgeOfQueue = TimeSpan.FromMinutes(5);

    /// <summary>Contacts awaiting a decision, filtered, sorted and paged.</summary>
    public async Task<QueueResult> ListAsync(QueueFilter filter, int page, int pageSize = ListPage.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var queue = await KeptAsync(cancellationToken);
        IEnumerable<KeptQueueItem> filtered = queue.Items;
        if (filter.AgencyId is { } agency)
        {
            filtered = filtered.Where(c => c.FromAgencyId == agency);
        }

        if (filter.NotTriaged)
        {
            filtered = filtered.Where(c => c.Item.Priority == null);
        }
        else if (filter.Priority is { } priority)
        {
            filtered = filtered.Where(c => c.Item.Priority == priority);
        }

        if (filter.Child?.Trim() is { Length: > 0 } child)
        {
            filtered = filtered.Where(c => c.ChildNames.Any(n => n.Contains(child, StringComparison.OrdinalIgnoreCase)));
        }

        var rows = filtered.Select(c => c.Item).ToList();
        if (filter.State is { } state)
        {
            rows = [.. rows.Where(r => DueWorkList.StateOf(r.Deadline) == state)];
        }

        var sorted = Sort(rows, filter);
        return new QueueResult(sorted, ListPage.Of(sorted, page, pageSize), Counts(queue.Items.Select(c => c.Item)), queue.Agencies);
    }

    /// <summary>How many contacts await a decision: overdue, due today or soon, and later.</summary>
    public async Task<DueWorkCounts> CountAsync(CancellationToken cancellationToken = default) =>
        Counts((await KeptAsync(cancellationToken)).Items.Select(c => c.Item));

    private Task<KeptQueue> KeptAsync(CancellationToken cancellationToken) =>
        kept.GetAsync(db, "queue", MaxAgeOfQueue, async _ =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            return await WorkOutAsync(services.GetRequiredService<SafeguardDbContext>(), services.GetRequiredService<CalendarAdministration>(), CancellationToken.None);
        }, cancellationToken);

    /// <summary>Every contact awaiting a decision, oldest first, with its clock; and the active agencies they came from.</summary>
    private static async Task<KeptQueue> WorkOutAsync(SafeguardDbContext db, CalendarAdministration calendar, CancellationToken cancellationToken)
    {
        var rows = await db.Set<Contact>().AsNoTracking().Where(c => c.Decision == null)
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.ReceivedAt,
                c.FromAgencyId,
                Agency = c.FromAgency!.Name,
                c.Priority,
                Children = c.Children.Select(ch => ch.DescribedName).ToList(),
                Open = c.InformationRequests.Count(r => r.RespondedAt == null),
            })
            .ToListAsync(cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var items = rows.Select(c => new KeptQueueItem(
            new QueueItem(c.Id, c.ReceivedAt, c.Agency, string.Join(", ", c.Children.Order(StringComparer.Ordinal)), c.Priority, c.Open,
                deadlines.Assess(deadlines.Calculate(ContactService.TimescaleRule, c.ReceivedAt))),
            c.FromAgencyId, c.Children)).ToList();
        var from = items.Select(i => i.FromAgencyId).ToHashSet();
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        return new KeptQueue(items, [.. agencies.Where(a => from.Contains(a.Id)).Select(a => (a.Id, a.Name))]);
    }

    /// <summary>
    /// The contacts the actor's agency made, filtered and paged in the database (one page; the count too when a child's
    /// name is matched, otherwise the agency's kept counts), newest first; the search is audited. With <paramref name="pageSize"/> null, every filtered contact (for export).
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

        int total;
        if (filter.Child?.Trim() is { Length: > 0 } child)
        {
            var pattern = $"%{Like(child.ToUpperInvariant())}%";
            contacts = contacts.Where(c => c.Children.Any(ch => EF.Functions.Like(ch.DescribedName.ToUpper(), pattern, "\\")));
            total = await contacts.CountAsync(cancellationToken);
        }
        else
        {
            // Without a name to match, the agency's kept counts answer (ADR 0032): no count of its thousands of contacts on each view.
            var counts = await agencyCounts.GetAsync(agencyId, cancellationToken);
            total = filter.Decided switch
            {
                true => counts.DecidedContacts,
                false => counts.Contacts - counts.DecidedContacts,
                null => counts.Contacts,
            };
        }

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
