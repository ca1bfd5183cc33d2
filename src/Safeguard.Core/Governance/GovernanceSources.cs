using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Governance;

/// <summary>
/// The board actions a user owns and has not completed, on their due work: one item per action, due on the date the
/// board set, so an overdue action shows as overdue to its owner.
/// </summary>
public sealed class GovernanceActionDueWorkSource(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    /// <summary>An action's due date is set by the board, not a timescale: this rule names it on due work.</summary>
    public static readonly TimescaleRule Rule = TimescaleRule.DueDateSetBy(
        "board-action",
        "An action from a partnership board or subgroup meeting",
        "the meeting that set it",
        "The board's action log");

    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.WorkerId is not { } worker)
        {
            return [];
        }

        var open = await db.Set<GovernanceAction>().AsNoTracking()
            .Where(a => a.OwnerUserId == worker && (a.Status == GovernanceActionStatus.Open || a.Status == GovernanceActionStatus.InProgress))
            .Join(db.Set<BoardMeeting>(), a => a.MeetingId, m => m.Id, (a, m) => new { a.Description, a.DueOn, m.HeldOn, m.BoardId })
            .Join(db.Set<Board>(), x => x.BoardId, b => b.Id, (x, b) => new { x.Description, x.DueOn, x.HeldOn, Board = b.Name })
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. open.OrderBy(a => a.DueOn).Select(a => new DueItem(
            null,
            a.Board,
            "Board action: " + (a.Description.Length <= 80 ? a.Description : a.Description[..79] + "…"),
            null,
            worker,
            deadlines.Assess(new Deadline(Rule, a.HeldOn > a.DueOn ? a.DueOn : a.HeldOn, a.DueOn)),
            "/my-agency/meetings"))];
    }
}
