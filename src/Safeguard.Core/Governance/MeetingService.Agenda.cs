using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.CaseReviews;
using Safeguard.Common;

namespace Safeguard.Governance;

/// <summary>An agenda item as entered: the time as text ("10:30"), checked by the service.</summary>
public sealed record AgendaItemInput(string? Title, string? Presenter, Guid? PresenterAgencyId, string? PaperReference, string? StartsAt);

/// <summary>The agenda as records: added, changed, moved and removed while the meeting is planned.</summary>
public sealed partial class MeetingService
{
    /// <summary>A meeting's agenda in order, with each presenter's agency.</summary>
    public Task<List<AgendaItem>> AgendaAsync(Guid meetingId, CancellationToken cancellationToken = default) =>
        db.Set<AgendaItem>().AsNoTracking().Include(i => i.PresenterAgency).Where(i => i.MeetingId == meetingId)
            .OrderBy(i => i.Number).ThenBy(i => i.Title).ToListAsync(cancellationToken);

    /// <summary>The agendas of several meetings at once, each in order (a meeting with none is missing).</summary>
    public async Task<Dictionary<Guid, List<AgendaItem>>> AgendasAsync(IReadOnlyCollection<Guid> meetingIds, CancellationToken cancellationToken = default) =>
        (await db.Set<AgendaItem>().AsNoTracking().Include(i => i.PresenterAgency).Where(i => meetingIds.Contains(i.MeetingId)).ToListAsync(cancellationToken))
            .GroupBy(i => i.MeetingId).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Number).ThenBy(i => i.Title, StringComparer.Ordinal).ToList());

    /// <summary>How many agenda items each of the meetings has.</summary>
    public async Task<Dictionary<Guid, int>> AgendaCountsAsync(IReadOnlyCollection<Guid> meetingIds, CancellationToken cancellationToken = default) =>
        await db.Set<AgendaItem>().AsNoTracking().Where(i => meetingIds.Contains(i.MeetingId)).GroupBy(i => i.MeetingId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    /// <summary>Adds an item at the end of a planned meeting's agenda.</summary>
    public async Task<AgendaItem> AddAgendaItemAsync(Guid meetingId, AgendaItemInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var meeting = await FindAsync(meetingId, cancellationToken);
        var problems = new Problems();
        CheckAgendaOpen(meeting, problems);
        var item = new AgendaItem { MeetingId = meetingId, Title = "" };
        await ReadAgendaItemAsync(input, item, problems, cancellationToken);
        problems.ThrowIfAny();
        item.Number = (await db.Set<AgendaItem>().Where(i => i.MeetingId == meetingId).MaxAsync(i => (int?)i.Number, cancellationToken) ?? 0) + 1;
        using var process = db.BeginProcess("Governance.AddAgendaItem", actor);
        db.Add(item);
        await SaveAsync(cancellationToken);
        return item;
    }

    /// <summary>Changes an item of a planned meeting's agenda, checked against the version read.</summary>
    public async Task ChangeAgendaItemAsync(Guid itemId, int version, AgendaItemInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (item, meeting) = await FindAgendaItemAsync(itemId, cancellationToken);
        var problems = new Problems();
        CheckAgendaOpen(meeting, problems);
        await ReadAgendaItemAsync(input, item, problems, cancellationToken);
        if (problems.Any)
        {
            db.ChangeTracker.Clear();
            problems.ThrowIfAny();
        }

        using var process = db.BeginProcess("Governance.ChangeAgendaItem", actor);
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        db.Entry(item).State = EntityState.Modified;
        await SaveAsync(cancellationToken);
    }

    /// <summary>Moves an item one place up (earlier) or down, swapping it with its neighbour; checked against the item's version.</summary>
    public async Task MoveAgendaItemAsync(Guid itemId, int version, bool up, Actor actor, CancellationToken cancellationToken = default)
    {
        var (item, meeting) = await FindAgendaItemAsync(itemId, cancellationToken);
        var problems = new Problems();
        CheckAgendaOpen(meeting, problems);
        problems.ThrowIfAny();
        var items = await db.Set<AgendaItem>().Where(i => i.MeetingId == meeting.Id).OrderBy(i => i.Number).ThenBy(i => i.Title).ToListAsync(cancellationToken);
        var at = items.FindIndex(i => i.Id == itemId);
        var to = up ? at - 1 : at + 1;
        if (to < 0 || to >= items.Count)
        {
            throw new SafeguardValidationException("Agenda", up ? $"Item {item.Number} is already first" : $"Item {item.Number} is already last");
        }

        (items[at], items[to]) = (items[to], items[at]);
        using var process = db.BeginProcess("Governance.MoveAgendaItem", actor);
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        Renumber(items);
        db.Entry(item).State = EntityState.Modified;
        await SaveAsync(cancellationToken);
    }

    /// <summary>
    /// Removes an item from a planned meeting's agenda (the items after it move up), checked against its version;
    /// refused while a decision or an action names it.
    /// </summary>
    public async Task RemoveAgendaItemAsync(Guid itemId, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var (item, meeting) = await FindAgendaItemAsync(itemId, cancellationToken);
        var problems = new Problems();
        CheckAgendaOpen(meeting, problems);
        var decisions = await db.Set<MeetingDecision>().CountAsync(d => d.AgendaItemId == itemId, cancellationToken);
        var actions = await db.Set<GovernanceAction>().CountAsync(a => a.AgendaItemId == itemId, cancellationToken);
        if (decisions + actions > 0)
        {
            problems.Add("Agenda", $"Item {item.Number} ({item.Title}) has {decisions} decision(s) and {actions} action(s) recorded under it: it cannot be removed");
        }

        problems.ThrowIfAny();
        var rest = await db.Set<AgendaItem>().Where(i => i.MeetingId == meeting.Id && i.Id != itemId).OrderBy(i => i.Number).ThenBy(i => i.Title).ToListAsync(cancellationToken);
        using var process = db.BeginProcess("Governance.RemoveAgendaItem", actor);
        db.Entry(item).Property(i => i.Version).OriginalValue = version;
        db.Remove(item);
        Renumber(rest);
        await SaveAsync(cancellationToken);
    }

    /// <summary>The agenda items from text, one a line (as typed when a meeting is arranged).</summary>
    private static List<AgendaItem> AgendaFromLines(Guid meetingId, string? text, Problems problems)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var items = new List<AgendaItem>();
        foreach (var line in lines)
        {
            if (line.Length > AgendaItem.MaxTitleLength)
            {
                problems.Add("Agenda", $"Agenda item {items.Count + 1} must be {AgendaItem.MaxTitleLength} characters or fewer");
            }

            items.Add(new AgendaItem { MeetingId = meetingId, Number = items.Count + 1, Title = line });
        }

        return items;
    }

    private static void Renumber(List<AgendaItem> items)
    {
        for (var n = 0; n < items.Count; n++)
        {
            if (items[n].Number != n + 1)
            {
                items[n].Number = n + 1;
            }
        }
    }

    private static void CheckAgendaOpen(BoardMeeting meeting, Problems problems)
    {
        if (meeting.Status == MeetingStatus.Held)
        {
            problems.Add("Agenda", "The meeting was held: its agenda stays as it was");
        }
        else if (meeting.Status == MeetingStatus.Cancelled)
        {
            problems.Add("Agenda", "The meeting was cancelled: its agenda cannot change");
        }
    }

    private async Task ReadAgendaItemAsync(AgendaItemInput input, AgendaItem item, Problems problems, CancellationToken cancellationToken)
    {
        item.Title = problems.Required("Title", input.Title, "Enter the item's title", AgendaItem.MaxTitleLength);
        item.Presenter = problems.Optional("Presenter", input.Presenter, "The presenter", BoardMember.MaxNameLength);
        item.PaperReference = problems.Optional("PaperReference", input.PaperReference, "The paper reference", AgendaItem.MaxPaperReferenceLength);
        item.PresenterAgencyId = null;
        if (input.PresenterAgencyId is { } agency)
        {
            if (await db.Agencies.AnyAsync(a => a.Id == agency, cancellationToken))
            {
                item.PresenterAgencyId = agency;
            }
            else
            {
                problems.Add("PresenterAgencyId", "Select the presenter's agency from the list");
            }
        }

        item.StartsAt = null;
        if (!string.IsNullOrWhiteSpace(input.StartsAt))
        {
            if (TimeOnly.TryParseExact(input.StartsAt.Trim(), ["H:mm", "HH:mm", "H.mm", "HH.mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                item.StartsAt = time;
            }
            else
            {
                problems.Add("StartsAt", "Enter the time the item starts as hours and minutes, such as 10:30");
            }
        }
    }

    /// <summary>The agenda item a decision or action names, checked to be on the meeting's agenda.</summary>
    private async Task<Guid?> CheckAgendaItemAsync(Guid meetingId, Guid? itemId, Problems problems, CancellationToken cancellationToken)
    {
        if (itemId is { } id && !await db.Set<AgendaItem>().AnyAsync(i => i.Id == id && i.MeetingId == meetingId, cancellationToken))
        {
            problems.Add("AgendaItemId", "Select an item of this meeting's agenda, or none");
            return null;
        }

        return itemId;
    }

    private async Task<(AgendaItem Item, BoardMeeting Meeting)> FindAgendaItemAsync(Guid itemId, CancellationToken cancellationToken)
    {
        var item = await db.Set<AgendaItem>().FirstOrDefaultAsync(i => i.Id == itemId, cancellationToken)
            ?? throw new SafeguardValidationException("Agenda", "There is no such agenda item: it may have been removed");
        return (item, await FindAsync(item.MeetingId, cancellationToken));
    }
}
