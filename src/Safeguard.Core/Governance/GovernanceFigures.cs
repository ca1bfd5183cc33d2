using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Governance;

/// <summary>Attendance counted over held meetings: members expected (members on the meeting's date) and those there in person or by deputy.</summary>
public sealed record AttendanceRate(int Expected, int Attended, int Apologies, int Absent)
{
    public int ByDeputy { get; init; }

    /// <summary>Percentage of expected places filled, to one decimal; null when no meeting was held.</summary>
    public decimal? Rate => Expected == 0 ? null : Math.Round(100m * Attended / Expected, 1);

    public static AttendanceRate Of(IEnumerable<AttendanceStatus> statuses)
    {
        var list = statuses.ToList();
        return new AttendanceRate(list.Count, list.Count(s => s is AttendanceStatus.Present or AttendanceStatus.SentDeputy), list.Count(s => s == AttendanceStatus.Apologies), list.Count(s => s == AttendanceStatus.Absent))
        {
            ByDeputy = list.Count(s => s == AttendanceStatus.SentDeputy),
        };
    }
}

/// <summary>A board's year: meetings held and cancelled, how many of the held ones were quorate, and its attendance.</summary>
public sealed record BoardYear(Guid BoardId, string Board, BoardKind Kind, int Held, int Cancelled, int? Quorate, AttendanceRate Attendance);

/// <summary>An agency's attendance over the year at every board it sits on, and by quarter (where drift shows).</summary>
public sealed record AgencyYear(Guid AgencyId, string Agency, AttendanceRate Attendance, IReadOnlyList<AttendanceRate> Quarters);

/// <summary>The actions due in the year: completed on time, completed late, still open (so overdue once the due date passes) and dropped.</summary>
public sealed record ActionsYear(int Due, int OnTime, int Late, int Open, int Overdue, int Dropped)
{
    /// <summary>Completed on or before the due date, of those due and not dropped.</summary>
    public decimal? OnTimeRate => Due - Dropped <= 0 ? null : Math.Round(100m * OnTime / (Due - Dropped), 1);
}

/// <summary>The governance figures of a reporting year for the annual report.</summary>
public sealed record GovernanceYear(ReportingYear Year, IReadOnlyList<BoardYear> Boards, IReadOnlyList<AgencyYear> Agencies, ActionsYear Actions);

/// <summary>
/// The annual report's figures on the partnership's meetings, as data: meetings held per board (and how many were
/// quorate), attendance by board and by agency (by quarter, to show drift), and actions completed on time. A member
/// expected at a held meeting with nothing recorded counts as absent.
/// </summary>
public sealed class GovernanceFigures(SafeguardDbContext db)
{
    public async Task<GovernanceYear> ForYearAsync(ReportingYear year, CancellationToken cancellationToken = default)
    {
        var boards = await db.Set<Board>().AsNoTracking().ToListAsync(cancellationToken);
        var meetings = await db.Set<BoardMeeting>().AsNoTracking().Where(m => m.HeldOn >= year.Start && m.HeldOn <= year.End).ToListAsync(cancellationToken);
        var held = meetings.Where(m => m.Status == MeetingStatus.Held).ToList();
        var members = await db.Set<BoardMember>().AsNoTracking().Include(m => m.Agency)
            .Where(m => m.StartOn <= year.End && (m.EndOn == null || m.EndOn >= year.Start)).ToListAsync(cancellationToken);
        var heldIds = held.Select(m => m.Id).ToList();
        var recorded = (await db.Set<MeetingAttendance>().AsNoTracking().Where(a => heldIds.Contains(a.MeetingId)).Select(a => new { a.MeetingId, a.MemberId, a.Status }).ToListAsync(cancellationToken))
            .ToDictionary(a => (a.MeetingId, a.MemberId), a => a.Status);

        // One place per member expected at each held meeting of their board.
        var places = held.SelectMany(m => members.Where(x => x.BoardId == m.BoardId && x.IsMemberOn(m.HeldOn))
            .Select(x => (Meeting: m, Member: x, Status: recorded.TryGetValue((m.Id, x.Id), out var s) ? s : AttendanceStatus.Absent))).ToList();

        var boardYears = boards.Where(b => b.IsActive || meetings.Any(m => m.BoardId == b.Id))
            .OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.Ordinal)
            .Select(b =>
            {
                var its = held.Where(m => m.BoardId == b.Id).ToList();
                int? quorate = b.Quorum is { } q ? its.Count(m => places.Count(p => p.Meeting.Id == m.Id && p.Status is AttendanceStatus.Present or AttendanceStatus.SentDeputy) >= q) : null;
                return new BoardYear(b.Id, b.Name, b.Kind, its.Count, meetings.Count(m => m.BoardId == b.Id && m.Status == MeetingStatus.Cancelled), quorate,
                    AttendanceRate.Of(places.Where(p => p.Meeting.BoardId == b.Id).Select(p => p.Status)));
            }).ToList();

        var agencyYears = places.GroupBy(p => (p.Member.AgencyId, p.Member.Agency!.Name))
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal)
            .Select(g => new AgencyYear(g.Key.AgencyId, g.Key.Name, AttendanceRate.Of(g.Select(p => p.Status)),
                [.. year.Quarters.Select(q => AttendanceRate.Of(g.Where(p => q.Contains(p.Meeting.HeldOn)).Select(p => p.Status)))]))
            .ToList();

        var today = UkTime.Today(db.Time);
        var actions = await db.Set<GovernanceAction>().AsNoTracking().Where(a => a.DueOn >= year.Start && a.DueOn <= year.End)
            .Select(a => new { a.DueOn, a.Status, a.CompletedOn }).ToListAsync(cancellationToken);
        var actionYear = new ActionsYear(
            actions.Count,
            actions.Count(a => a.Status == GovernanceActionStatus.Completed && a.CompletedOn <= a.DueOn),
            actions.Count(a => a.Status == GovernanceActionStatus.Completed && a.CompletedOn > a.DueOn),
            actions.Count(a => a.Status is GovernanceActionStatus.Open or GovernanceActionStatus.InProgress),
            actions.Count(a => a.Status is GovernanceActionStatus.Open or GovernanceActionStatus.InProgress && a.DueOn < today),
            actions.Count(a => a.Status == GovernanceActionStatus.Dropped));
        return new GovernanceYear(year, boardYears, agencyYears, actionYear);
    }
}
