using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Persistence;

namespace Safeguard.Governance;

/// <summary>A board in the structure, with its depth under the strategic group and the members it has today.</summary>
public sealed record BoardLine(Board Board, string? ReportsTo, int Depth, int Members);

/// <summary>A meeting with its counts: agenda items, members expected and attended (for a held meeting), decisions and actions.</summary>
public sealed record MeetingLine(BoardMeeting Meeting, string Board, int AgendaItems, int Expected, int Attended, int Decisions, int Actions);

/// <summary>An action of the log with its board, meeting date and agenda item.</summary>
public sealed record ActionLine(GovernanceAction Action, string Board, DateOnly MeetingOn, AgendaItem? AgendaItem);

/// <summary>
/// The governance registers as lists for the command line: the boards and subgroups with their members, meetings in
/// a period, and the action log. Read-only; counts and names of board members, no child.
/// </summary>
public sealed class GovernanceRegisters(SafeguardDbContext db)
{
    /// <summary>Every board, each followed by the boards that report to it, with today's members.</summary>
    public async Task<IReadOnlyList<BoardLine>> BoardsAsync(CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(db.Time);
        var boards = await db.Set<Board>().AsNoTracking().ToListAsync(cancellationToken);
        var members = (await db.Set<BoardMember>().AsNoTracking().ToListAsync(cancellationToken)).Where(m => m.IsMemberOn(today)).GroupBy(m => m.BoardId).ToDictionary(g => g.Key, g => g.Count());
        var names = boards.ToDictionary(b => b.Id, b => b.Name);
        var lines = new List<BoardLine>();
        void Add(Guid? parent, int depth)
        {
            foreach (var b in boards.Where(b => b.ParentBoardId == parent && !lines.Any(l => l.Board.Id == b.Id)).OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.Ordinal))
            {
                lines.Add(new BoardLine(b, b.ParentBoardId is { } p ? names.GetValueOrDefault(p) : null, depth, members.GetValueOrDefault(b.Id)));
                Add(b.Id, depth + 1);
            }
        }

        Add(null, 0);
        return lines;
    }

    /// <summary>The board with this name (any case) or id; null when there is none.</summary>
    public async Task<Board?> FindBoardAsync(string nameOrId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(nameOrId);
        var boards = await db.Set<Board>().AsNoTracking().ToListAsync(cancellationToken);
        return Guid.TryParse(nameOrId, out var id)
            ? boards.FirstOrDefault(b => b.Id == id)
            : boards.FirstOrDefault(b => string.Equals(b.Name, nameOrId.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Meetings from one date to another (either open), of one board or all, by date.</summary>
    public async Task<IReadOnlyList<MeetingLine>> MeetingsAsync(Guid? boardId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken = default)
    {
        var meetings = await db.Set<BoardMeeting>().AsNoTracking()
            .Where(m => (boardId == null || m.BoardId == boardId) && (from == null || m.HeldOn >= from) && (to == null || m.HeldOn <= to))
            .OrderBy(m => m.HeldOn).ToListAsync(cancellationToken);
        var ids = meetings.Select(m => m.Id).ToList();
        var boards = await db.Set<Board>().AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        var members = await db.Set<BoardMember>().AsNoTracking().Where(m => boardId == null || m.BoardId == boardId).ToListAsync(cancellationToken);
        var attended = await Count(db.Set<MeetingAttendance>().Where(a => ids.Contains(a.MeetingId) && (a.Status == AttendanceStatus.Present || a.Status == AttendanceStatus.SentDeputy)).Select(a => a.MeetingId), cancellationToken);
        var items = await Count(db.Set<AgendaItem>().Where(i => ids.Contains(i.MeetingId)).Select(i => i.MeetingId), cancellationToken);
        var decisions = await Count(db.Set<MeetingDecision>().Where(d => ids.Contains(d.MeetingId)).Select(d => d.MeetingId), cancellationToken);
        var actions = await Count(db.Set<GovernanceAction>().Where(a => ids.Contains(a.MeetingId)).Select(a => a.MeetingId), cancellationToken);
        return meetings.Select(m => new MeetingLine(m, boards[m.BoardId], items.GetValueOrDefault(m.Id),
            m.Status == MeetingStatus.Held ? members.Count(x => x.BoardId == m.BoardId && x.IsMemberOn(m.HeldOn)) : 0,
            attended.GetValueOrDefault(m.Id), decisions.GetValueOrDefault(m.Id), actions.GetValueOrDefault(m.Id))).ToList();
    }

    /// <summary>The action log: open actions first by due date, then the rest; only the overdue ones when asked.</summary>
    public async Task<IReadOnlyList<ActionLine>> ActionsAsync(bool overdueOnly, Guid? boardId = null, CancellationToken cancellationToken = default)
    {
        var today = UkTime.Today(db.Time);
        var query = db.Set<GovernanceAction>().AsNoTracking().Include(a => a.OwningAgency).Where(a => boardId == null || a.BoardId == boardId);
        if (overdueOnly)
        {
            query = query.Where(a => (a.Status == GovernanceActionStatus.Open || a.Status == GovernanceActionStatus.InProgress) && a.DueOn < today);
        }

        var actions = await query.ToListAsync(cancellationToken);
        var meetingIds = actions.Select(a => a.MeetingId).Distinct().ToList();
        var meetings = await db.Set<BoardMeeting>().AsNoTracking().Where(m => meetingIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.HeldOn, cancellationToken);
        var items = await db.Set<AgendaItem>().AsNoTracking().Where(i => meetingIds.Contains(i.MeetingId)).ToDictionaryAsync(i => i.Id, cancellationToken);
        var boards = await db.Set<Board>().AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Name, cancellationToken);
        return actions.OrderBy(a => a.IsOpen ? 0 : 1).ThenBy(a => a.DueOn).ThenBy(a => boards[a.BoardId], StringComparer.Ordinal).ThenBy(a => a.Description, StringComparer.Ordinal)
            .Select(a => new ActionLine(a, boards[a.BoardId], meetings[a.MeetingId], a.AgendaItemId is { } i ? items.GetValueOrDefault(i) : null)).ToList();
    }

    private static async Task<Dictionary<Guid, int>> Count(IQueryable<Guid> meetingIds, CancellationToken cancellationToken) =>
        await meetingIds.GroupBy(id => id).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
}
