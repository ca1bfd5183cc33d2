using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Governance;

/// <summary>One member's attendance as recorded on the meeting's form.</summary>
public sealed record AttendanceEntry(Guid MemberId, AttendanceStatus? Status, string? DeputyName);

/// <summary>A new action: owned by a member of the board (their name, agency and user) or by a named person of an agency.</summary>
public sealed record NewAction(string? Description, Guid? OwnerMemberId, string? Owner, Guid? OwningAgencyId, DateOnly? DueOn, Guid? AgendaItemId = null);

/// <summary>A member's row on a meeting: who they are and how they were there (null: not yet recorded).</summary>
public sealed record AttendanceRow(BoardMember Member, MeetingAttendance? Attendance)
{
    public AttendanceStatus? Status => Attendance?.Status;
}

/// <summary>Whether a held meeting had its quorum: members there in person or by deputy, against the terms' quorum.</summary>
public sealed record Quoracy(int Attended, int Members, int? Quorum)
{
    /// <summary>Null when the terms set no quorum.</summary>
    public bool? IsQuorate => Quorum is { } q ? Attended >= q : null;
}

/// <summary>
/// A board's meetings: arranging them with their agenda (items as records, each decision and action under one), the attendance of each member (present, sent a deputy,
/// apologies, absent), minutes, decisions and the board's action log with dated updates. Members who use Safeguard send
/// apologies or name a deputy before a meeting and update the actions they own.
/// </summary>
public sealed partial class MeetingService(SafeguardDbContext db)
{
    public const int MaxDecisionLength = Board.MaxTextLength;

    public async Task<BoardMeeting> ArrangeAsync(Guid boardId, DateOnly? heldOn, string? agenda, Actor actor, CancellationToken cancellationToken = default)
    {
        if (!await db.Set<Board>().AnyAsync(b => b.Id == boardId, cancellationToken))
        {
            throw new SafeguardValidationException("Board", "There is no such board");
        }

        var problems = new Problems();
        var meeting = new BoardMeeting { BoardId = boardId, Status = MeetingStatus.Planned, CreatedAt = db.Time.GetUtcNow() };
        var items = AgendaFromLines(meeting.Id, agenda, problems);
        if (heldOn is null)
        {
            problems.Add("HeldOn", "Enter the date of the meeting");
        }
        else if (await db.Set<BoardMeeting>().AnyAsync(m => m.BoardId == boardId && m.HeldOn == heldOn && m.Status != MeetingStatus.Cancelled, cancellationToken))
        {
            problems.Add("HeldOn", $"The board already has a meeting on {Problems.Format(heldOn.Value)}");
        }

        problems.ThrowIfAny();
        meeting.HeldOn = heldOn!.Value;
        using var process = db.BeginProcess("Governance.ArrangeMeeting", actor);
        db.Add(meeting);
        db.AddRange(items);
        await SaveAsync(cancellationToken);
        return meeting;
    }

    public Task<BoardMeeting?> GetAsync(Guid meetingId, CancellationToken cancellationToken = default) =>
        db.Set<BoardMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);

    /// <summary>A board's meetings, newest first.</summary>
    public Task<List<BoardMeeting>> MeetingsAsync(Guid boardId, CancellationToken cancellationToken = default) =>
        db.Set<BoardMeeting>().AsNoTracking().Where(m => m.BoardId == boardId).OrderByDescending(m => m.HeldOn).ToListAsync(cancellationToken);

    /// <summary>Changes the minutes, checked against the version read.</summary>
    public async Task SaveRecordAsync(Guid meetingId, int version, string? minutes, Actor actor, CancellationToken cancellationToken = default)
    {
        var meeting = await FindAsync(meetingId, cancellationToken);
        var problems = new Problems();
        var minutesText = problems.Optional("Minutes", minutes, "The minutes", Board.MaxTextLength * 4);
        if (minutesText is not null && meeting.HeldOn > UkTime.Today(db.Time))
        {
            problems.Add("Minutes", "The meeting has not happened yet: record its minutes on or after " + Problems.Format(meeting.HeldOn));
        }

        problems.ThrowIfAny();
        using var process = db.BeginProcess("Governance.SaveMeeting", actor);
        db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
        meeting.Minutes = minutesText;
        db.Entry(meeting).State = EntityState.Modified;
        await SaveAsync(cancellationToken);
    }

    public async Task CancelAsync(Guid meetingId, int version, Actor actor, CancellationToken cancellationToken = default)
    {
        var meeting = await FindAsync(meetingId, cancellationToken);
        if (meeting.Status == MeetingStatus.Held)
        {
            throw new SafeguardValidationException("Meeting", "The meeting's attendance is recorded: it was held and cannot be cancelled");
        }

        using var process = db.BeginProcess("Governance.CancelMeeting", actor);
        db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
        meeting.Status = MeetingStatus.Cancelled;
        db.Entry(meeting).State = EntityState.Modified;
        await SaveAsync(cancellationToken);
    }

    /// <summary>The members of the board on the meeting's date, each with how they were there (or said they would be).</summary>
    public async Task<IReadOnlyList<AttendanceRow>> AttendanceAsync(Guid meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Set<BoardMeeting>().AsNoTracking().FirstAsync(m => m.Id == meetingId, cancellationToken);
        var members = (await db.Set<BoardMember>().AsNoTracking().Include(m => m.Agency).Where(m => m.BoardId == meeting.BoardId).ToListAsync(cancellationToken))
            .Where(m => m.IsMemberOn(meeting.HeldOn)).ToList();
        var rows = await db.Set<MeetingAttendance>().AsNoTracking().Where(a => a.MeetingId == meetingId).ToDictionaryAsync(a => a.MemberId, cancellationToken);
        return members.OrderBy(m => m.Agency!.Name, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
            .Select(m => new AttendanceRow(m, rows.GetValueOrDefault(m.Id))).ToList();
    }

    /// <summary>
    /// Records how every member was at the meeting (all of them at once: a member left blank is refused), which marks it
    /// held. Checked against the meeting's version, so two people recording the same meeting do not overwrite each other.
    /// </summary>
    public async Task RecordAttendanceAsync(Guid meetingId, int version, IReadOnlyList<AttendanceEntry> entries, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(actor);
        var meeting = await FindAsync(meetingId, cancellationToken);
        var expected = await AttendanceAsync(meetingId, cancellationToken);
        var problems = new Problems();
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            problems.Add("Attendance", "The meeting was cancelled: there is no attendance to record");
        }

        if (meeting.HeldOn > UkTime.Today(db.Time))
        {
            problems.Add("Attendance", "The meeting has not happened yet: record its attendance on or after " + Problems.Format(meeting.HeldOn));
        }

        var given = entries.GroupBy(e => e.MemberId).ToDictionary(g => g.Key, g => g.Last());
        var cleaned = new Dictionary<Guid, (AttendanceStatus Status, string? Deputy)>();
        foreach (var row in expected)
        {
            var field = $"Status-{row.Member.Id}";
            if (!given.TryGetValue(row.Member.Id, out var entry) || entry.Status is not { } status)
            {
                problems.Add(field, $"Select how {row.Member.Name} ({row.Member.Agency!.Name}) was at the meeting");
                continue;
            }

            var deputy = problems.Optional($"Deputy-{row.Member.Id}", entry.DeputyName, "The deputy's name", BoardMember.MaxNameLength);
            if (status == AttendanceStatus.SentDeputy)
            {
                deputy ??= row.Member.DeputyName;
                if (deputy is null)
                {
                    problems.Add($"Deputy-{row.Member.Id}", $"Enter the name of the deputy who came for {row.Member.Name}");
                }
            }
            else
            {
                deputy = null;
            }

            cleaned[row.Member.Id] = (status, deputy);
        }

        if (given.Keys.Except(expected.Select(r => r.Member.Id)).Any())
        {
            problems.Add("Attendance", "Someone on the form was not a member of the board on the meeting's date");
        }

        problems.ThrowIfAny();
        var now = db.Time.GetUtcNow();
        using var process = db.BeginProcess("Governance.RecordAttendance", actor);
        db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
        var existing = await db.Set<MeetingAttendance>().Where(a => a.MeetingId == meetingId).ToDictionaryAsync(a => a.MemberId, cancellationToken);
        foreach (var (memberId, (status, deputy)) in cleaned)
        {
            if (existing.TryGetValue(memberId, out var row))
            {
                if (row.Status != status || row.DeputyName != deputy)
                {
                    row.Status = status;
                    row.DeputyName = deputy;
                    row.RecordedBy = actor.Name;
                    row.RecordedAt = now;
                }
            }
            else
            {
                db.Add(new MeetingAttendance { MeetingId = meetingId, MemberId = memberId, Status = status, DeputyName = deputy, RecordedBy = actor.Name, RecordedAt = now });
            }
        }

        meeting.Status = MeetingStatus.Held;
        db.Entry(meeting).State = EntityState.Modified;
        await SaveAsync(cancellationToken);
    }

    /// <summary>Whether a held meeting was quorate (null for a meeting not held).</summary>
    public async Task<Quoracy?> QuoracyAsync(Guid meetingId, CancellationToken cancellationToken = default)
    {
        var meeting = await db.Set<BoardMeeting>().AsNoTracking().FirstAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting.Status != MeetingStatus.Held)
        {
            return null;
        }

        var quorum = await db.Set<Board>().Where(b => b.Id == meeting.BoardId).Select(b => b.Quorum).FirstAsync(cancellationToken);
        var rows = await AttendanceAsync(meetingId, cancellationToken);
        return new Quoracy(rows.Count(r => r.Attendance?.Attended == true), rows.Count, quorum);
    }

    public Task<List<MeetingDecision>> DecisionsAsync(Guid meetingId, CancellationToken cancellationToken = default) =>
        db.Set<MeetingDecision>().AsNoTracking().Where(d => d.MeetingId == meetingId).OrderBy(d => d.Number).ToListAsync(cancellationToken);

    public Task<MeetingDecision> AddDecisionAsync(Guid meetingId, string? text, Actor actor, CancellationToken cancellationToken = default) =>
        AddDecisionAsync(meetingId, null, text, actor, cancellationToken);

    /// <summary>Records a decision, under an item of the meeting's agenda or none.</summary>
    public async Task<MeetingDecision> AddDecisionAsync(Guid meetingId, Guid? agendaItemId, string? text, Actor actor, CancellationToken cancellationToken = default)
    {
        var meeting = await FindAsync(meetingId, cancellationToken);
        var problems = new Problems();
        var decision = problems.Required("Text", text, "Enter the decision", MaxDecisionLength);
        var item = await CheckAgendaItemAsync(meetingId, agendaItemId, problems, cancellationToken);
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            problems.Add("Text", "The meeting was cancelled: it took no decisions");
        }

        problems.ThrowIfAny();
        var last = await db.Set<MeetingDecision>().Where(d => d.MeetingId == meetingId).MaxAsync(d => (int?)d.Number, cancellationToken) ?? 0;
        var row = new MeetingDecision { MeetingId = meetingId, Number = last + 1, AgendaItemId = item, Text = decision };
        using var process = db.BeginProcess("Governance.AddDecision", actor);
        db.Add(row);
        await SaveAsync(cancellationToken);
        return row;
    }

    public async Task<GovernanceAction> AddActionAsync(Guid meetingId, NewAction input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var meeting = await FindAsync(meetingId, cancellationToken);
        var problems = new Problems();
        var description = problems.Required("Description", input.Description, "Enter the action", Board.MaxTextLength);
        var item = await CheckAgendaItemAsync(meetingId, input.AgendaItemId, problems, cancellationToken);
        string owner = "";
        Guid? agency = null, user = null;
        if (input.OwnerMemberId is { } memberId)
        {
            var member = await db.Set<BoardMember>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberId && m.BoardId == meeting.BoardId, cancellationToken);
            if (member is null)
            {
                problems.Add("OwnerMemberId", "Select a member of the board, or enter the owner's name and agency");
            }
            else
            {
                (owner, agency, user) = (member.Name, member.AgencyId, member.UserId);
            }
        }
        else
        {
            owner = problems.Required("Owner", input.Owner, "Select a member or enter the owner's name", 200);
            if (input.OwningAgencyId is not { } a || !await db.Agencies.AnyAsync(x => x.Id == a, cancellationToken))
            {
                problems.Add("OwningAgencyId", "Select the owner's agency");
            }
            else
            {
                agency = a;
            }
        }

        if (input.DueOn is null)
        {
            problems.Add("DueOn", "Enter the date the action is due");
        }
        else if (input.DueOn < meeting.HeldOn)
        {
            problems.Add("DueOn", $"The due date must be on or after the meeting ({Problems.Format(meeting.HeldOn)})");
        }

        problems.ThrowIfAny();
        var action = new GovernanceAction
        {
            BoardId = meeting.BoardId,
            MeetingId = meetingId,
            AgendaItemId = item,
            Description = description,
            Owner = owner,
            OwningAgencyId = agency!.Value,
            OwnerUserId = user,
            DueOn = input.DueOn!.Value,
            Status = GovernanceActionStatus.Open,
        };
        using var process = db.BeginProcess("Governance.AddAction", actor);
        db.Add(action);
        await SaveAsync(cancellationToken);
        return action;
    }

    /// <summary>A board's action log (or one meeting's actions): open ones first, by due date.</summary>
    public async Task<IReadOnlyList<GovernanceAction>> ActionsAsync(Guid? boardId, Guid? meetingId = null, CancellationToken cancellationToken = default)
    {
        var actions = await db.Set<GovernanceAction>().AsNoTracking().Include(a => a.OwningAgency).Include(a => a.Updates)
            .Where(a => (boardId == null || a.BoardId == boardId) && (meetingId == null || a.MeetingId == meetingId))
            .ToListAsync(cancellationToken);
        return Ordered(actions);
    }

    /// <summary>
    /// Adds a dated update to an action and sets its status (completing it records today as its completion date),
    /// checked against the version read. <paramref name="asOwner"/>: only the action's owner may update it.
    /// </summary>
    public async Task UpdateActionAsync(Guid actionId, int version, GovernanceActionStatus? status, string? text, Actor actor, bool asOwner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var action = await db.Set<GovernanceAction>().FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null || (asOwner && (actor.UserId is null || action.OwnerUserId != actor.UserId)))
        {
            throw new SafeguardValidationException("Action", "There is no such action of yours");
        }

        var problems = new Problems();
        var note = problems.Required("Text", text, "Enter what has been done", Board.MaxTextLength);
        if (status is null)
        {
            problems.Add("Status", "Select where the action stands");
        }
        else if (asOwner && status == GovernanceActionStatus.Dropped)
        {
            problems.Add("Status", "Only the board can drop an action: ask the business unit");
        }

        problems.ThrowIfAny();
        var today = UkTime.Today(db.Time);
        using var process = db.BeginProcess("Governance.UpdateAction", actor);
        db.Entry(action).Property(a => a.Version).OriginalValue = version;
        action.Status = status!.Value;
        action.CompletedOn = status == GovernanceActionStatus.Completed ? action.CompletedOn ?? today : null;
        db.Add(new GovernanceActionUpdate { ActionId = action.Id, At = db.Time.GetUtcNow(), By = actor.Name, Text = note, Status = status.Value });
        db.Entry(action).State = EntityState.Modified;
        await SaveAsync(cancellationToken);
    }

    public static string StatusName(AttendanceStatus status) => status switch
    {
        AttendanceStatus.Present => "Present",
        AttendanceStatus.SentDeputy => "Sent a deputy",
        AttendanceStatus.Apologies => "Apologies",
        _ => "Absent",
    };

    public static string StatusName(GovernanceActionStatus status) => status switch
    {
        GovernanceActionStatus.Open => "Open",
        GovernanceActionStatus.InProgress => "In progress",
        GovernanceActionStatus.Completed => "Completed",
        _ => "Dropped",
    };

    private static List<GovernanceAction> Ordered(IEnumerable<GovernanceAction> actions) =>
        actions.OrderBy(a => a.IsOpen ? 0 : 1).ThenBy(a => a.DueOn).ThenBy(a => a.Description, StringComparer.Ordinal).ToList();

    private async Task<BoardMeeting> FindAsync(Guid meetingId, CancellationToken cancellationToken) =>
        await db.Set<BoardMeeting>().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
            ?? throw new SafeguardValidationException("Meeting", "There is no such meeting");

    /// <summary>Saves; a refused save (someone changed the record since it was read) leaves nothing pending in the context.</summary>
    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
