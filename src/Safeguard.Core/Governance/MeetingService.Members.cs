using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;

namespace Safeguard.Governance;

/// <summary>What a board's members do from their agency's pages: see their boards and meetings, send apologies or name a deputy, and read the actions they own.</summary>
public sealed partial class MeetingService
{
    /// <summary>The boards the user is a member of today.</summary>
    public async Task<IReadOnlyList<(Board Board, BoardMember Member)>> MembershipsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.UserId is not { } userId)
        {
            return [];
        }

        var today = UkTime.Today(db.Time);
        var rows = await db.Set<BoardMember>().AsNoTracking().Where(m => m.UserId == userId && m.StartOn <= today && (m.EndOn == null || m.EndOn >= today))
            .Join(db.Set<Board>(), m => m.BoardId, b => b.Id, (m, b) => new { Member = m, Board = b })
            .ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Board.Kind).ThenBy(r => r.Board.Name, StringComparer.Ordinal).Select(r => (r.Board, r.Member)).ToList();
    }

    /// <summary>The meetings of the user's boards from <paramref name="from"/>, with the user's own attendance row, soonest first.</summary>
    public async Task<IReadOnlyList<(BoardMeeting Meeting, Board Board, BoardMember Member, MeetingAttendance? Attendance)>> MemberMeetingsAsync(Actor actor, DateOnly from, CancellationToken cancellationToken = default)
    {
        var memberships = await MembershipsAsync(actor, cancellationToken);
        var boardIds = memberships.Select(m => m.Board.Id).ToList();
        var meetings = await db.Set<BoardMeeting>().AsNoTracking().Where(m => boardIds.Contains(m.BoardId) && m.HeldOn >= from).ToListAsync(cancellationToken);
        var memberIds = memberships.Select(m => m.Member.Id).ToList();
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var mine = await db.Set<MeetingAttendance>().AsNoTracking().Where(a => memberIds.Contains(a.MemberId) && meetingIds.Contains(a.MeetingId)).ToListAsync(cancellationToken);
        return meetings.OrderBy(m => m.HeldOn).Select(m =>
        {
            var (board, member) = memberships.First(x => x.Board.Id == m.BoardId);
            return (m, board, member, mine.FirstOrDefault(a => a.MeetingId == m.Id && a.MemberId == member.Id));
        }).ToList();
    }

    /// <summary>
    /// A member sends apologies for a meeting that has not yet been held, naming the deputy who will come in their place
    /// (or none). Sending again changes what they said; a meeting already recorded as held is refused.
    /// </summary>
    public async Task SendApologiesAsync(Guid meetingId, string? deputyName, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var meeting = await db.Set<BoardMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        var member = meeting is null || actor.UserId is null ? null : (await db.Set<BoardMember>().AsNoTracking()
            .Where(m => m.BoardId == meeting.BoardId && m.UserId == actor.UserId).ToListAsync(cancellationToken)).FirstOrDefault(m => m.IsMemberOn(meeting.HeldOn));
        if (meeting is null || member is null)
        {
            throw new SafeguardValidationException("Meeting", "You are not a member of that meeting's board");
        }

        var problems = new Problems();
        var deputy = problems.Optional("DeputyName", deputyName, "The deputy's name", BoardMember.MaxNameLength);
        if (meeting.Status != MeetingStatus.Planned)
        {
            problems.Add("DeputyName", meeting.Status == MeetingStatus.Held ? "The meeting's attendance is already recorded" : "The meeting was cancelled");
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("Governance.SendApologies", actor);
        var row = await db.Set<MeetingAttendance>().FirstOrDefaultAsync(a => a.MeetingId == meetingId && a.MemberId == member.Id, cancellationToken);
        if (row is null)
        {
            row = new MeetingAttendance { MeetingId = meetingId, MemberId = member.Id, RecordedBy = actor.Name };
            db.Add(row);
        }

        row.Status = deputy is null ? AttendanceStatus.Apologies : AttendanceStatus.SentDeputy;
        row.DeputyName = deputy;
        row.RecordedBy = actor.Name;
        row.RecordedAt = db.Time.GetUtcNow();
        await SaveAsync(cancellationToken);
    }

    /// <summary>The actions the user owns, open ones first.</summary>
    public async Task<IReadOnlyList<GovernanceAction>> MyActionsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.UserId is not { } userId)
        {
            return [];
        }

        return Ordered(await db.Set<GovernanceAction>().AsNoTracking().Include(a => a.OwningAgency).Include(a => a.Updates)
            .Where(a => a.OwnerUserId == userId).ToListAsync(cancellationToken));
    }
}
