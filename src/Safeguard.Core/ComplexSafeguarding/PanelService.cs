using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.ComplexSafeguarding;

/// <summary>
/// The exploitation and missing panel: meetings, agendas built from the criteria, attendance by agency, a decision and
/// actions per child, minutes. Every change is audited (and version-checked where two people may change the same
/// thing); every read naming a child writes an access event for that child.
/// </summary>
public sealed partial class PanelService(SafeguardDbContext db, PersonIndex people, IEnumerable<IPanelCriterion> criteria)
{
    public const string MeetingEntityType = nameof(PanelMeeting);
    public const string CaseEntityType = nameof(PanelCase);
    public const string ActionEntityType = nameof(PanelAction);

    private DateTimeOffset Now => db.Time.GetUtcNow();

    private DateOnly Today => UkTime.Today(db.Time);

    /// <summary>The criteria in use, by name.</summary>
    public IReadOnlyList<IPanelCriterion> Criteria { get; } = [.. criteria.OrderBy(c => c.Name, StringComparer.Ordinal)];

    public async Task<PanelMeeting> ScheduleAsync(PanelMeetingDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new List<ValidationProblem>();
        if (details.MeetingDate is not { } date)
        {
            problems.Add(new("MeetingDate", "Enter the date of the meeting"));
        }
        else if (date < Today.AddYears(-1) || date > Today.AddYears(1))
        {
            problems.Add(new("MeetingDate", "The meeting must be within a year of today"));
        }
        else if (await db.Set<PanelMeeting>().AnyAsync(m => m.MeetingDate == date, cancellationToken))
        {
            problems.Add(new("MeetingDate", "There is already a meeting on that date"));
        }

        if (string.IsNullOrWhiteSpace(details.Chair))
        {
            problems.Add(new("Chair", "Enter who chairs the meeting"));
        }
        else if (details.Chair.Trim().Length > PanelMeeting.MaxNameLength)
        {
            problems.Add(new("Chair", $"The chair's name must be {PanelMeeting.MaxNameLength} characters or fewer"));
        }

        RecordKeeping.ThrowIfAny(problems);
        var meeting = new PanelMeeting { MeetingDate = details.MeetingDate!.Value, Chair = details.Chair!.Trim(), CreatedAt = Now, CreatedByName = RecordKeeping.Fit(actor.Name, PanelMeeting.MaxNameLength) };
        using (db.BeginProcess("Panels.Schedule", actor))
        {
            db.Add(meeting);
            await db.SaveAndClearAsync(cancellationToken);
        }

        return meeting;
    }

    /// <summary>
    /// Builds (or brings up to date) the agenda: every child meeting any criterion in the meeting's window is added,
    /// with why; a child already on it gets any new reasons. Nothing is removed. Returns how many children were added.
    /// </summary>
    public async Task<int> BuildAgendaAsync(Guid meetingId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var meeting = await db.Set<PanelMeeting>().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
            ?? throw new SafeguardValidationException("MeetingId", "There is no such meeting");
        var window = await WindowAsync(meeting, cancellationToken);
        var found = new List<(IPanelCriterion Criterion, PanelReferral Referral)>();
        foreach (var criterion in Criteria)
        {
            found.AddRange((await criterion.ChildrenAsync(window, cancellationToken)).Select(r => (criterion, r)));
        }

        var ids = found.Select(f => f.Referral.PersonId).Distinct().ToList();
        var current = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id) && p.MergedIntoId == null).Select(p => p.Id).ToListAsync(cancellationToken);
        var existing = await db.Set<PanelCase>().Where(c => c.MeetingId == meetingId).ToDictionaryAsync(c => c.PersonId, cancellationToken);
        var added = 0;
        foreach (var child in found.Where(f => current.Contains(f.Referral.PersonId)).GroupBy(f => f.Referral.PersonId))
        {
            if (!existing.TryGetValue(child.Key, out var item))
            {
                item = new PanelCase { MeetingId = meetingId, PersonId = child.Key, Criteria = "", Reasons = "", AddedAt = Now };
                db.Add(item);
                added++;
            }

            var codes = item.Criteria.Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
            var reasons = item.Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
            foreach (var (criterion, referral) in child.Where(c => !codes.Contains(c.Criterion.Code)))
            {
                codes.Add(criterion.Code);
                reasons.Add($"{criterion.Name}: {referral.Why}");
            }

            item.Criteria = string.Join(',', codes);
            item.Reasons = RecordKeeping.Fit(string.Join('\n', reasons), PanelCase.MaxReasonsLength);
        }

        using (db.BeginProcess("Panels.BuildAgenda", actor))
        {
            meeting.AgendaBuiltAt = Now;
            await db.SaveAndClearAsync(cancellationToken);
        }

        return added;
    }

    public async Task<PanelAttendee> AddAttendeeAsync(Guid meetingId, PanelAttendeeDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var problems = new List<ValidationProblem>();
        if (!await db.Set<PanelMeeting>().AnyAsync(m => m.Id == meetingId, cancellationToken))
        {
            throw new SafeguardValidationException("MeetingId", "There is no such meeting");
        }

        if (details.AgencyId is not { } agencyId || !await db.Agencies.AnyAsync(a => a.Id == agencyId && a.IsActive, cancellationToken))
        {
            problems.Add(new("AgencyId", "Select the agency they attend for"));
        }

        if (string.IsNullOrWhiteSpace(details.Name))
        {
            problems.Add(new("Name", "Enter their name"));
        }
        else if (details.Name.Trim().Length > PanelMeeting.MaxNameLength)
        {
            problems.Add(new("Name", $"The name must be {PanelMeeting.MaxNameLength} characters or fewer"));
        }

        if (details.Role?.Trim().Length > PanelMeeting.MaxNameLength)
        {
            problems.Add(new("Role", $"The role must be {PanelMeeting.MaxNameLength} characters or fewer"));
        }

        if (details.Attended is null)
        {
            problems.Add(new("Attended", "Select whether they attended or sent apologies"));
        }

        RecordKeeping.ThrowIfAny(problems);
        var attendee = new PanelAttendee
        {
            MeetingId = meetingId,
            AgencyId = details.AgencyId!.Value,
            Name = details.Name!.Trim(),
            Role = string.IsNullOrWhiteSpace(details.Role) ? null : details.Role.Trim(),
            Attended = details.Attended!.Value,
        };
        using (db.BeginProcess("Panels.AddAttendee", actor))
        {
            db.Add(attendee);
            await db.SaveAndClearAsync(cancellationToken);
        }

        return attendee;
    }

    public async Task RemoveAttendeeAsync(Guid attendeeId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var attendee = await db.Set<PanelAttendee>().FirstOrDefaultAsync(a => a.Id == attendeeId, cancellationToken)
            ?? throw new SafeguardValidationException("AttendeeId", "There is no such attendee");
        using (db.BeginProcess("Panels.RemoveAttendee", actor))
        {
            db.Remove(attendee);
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>Records (or changes) the minutes; refused when they changed since <paramref name="version"/> (the meeting's) was read.</summary>
    public async Task RecordMinutesAsync(Guid meetingId, int version, string? minutes, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (minutes?.Trim().Length > PanelMeeting.MaxMinutesLength)
        {
            throw new SafeguardValidationException("Minutes", $"The minutes must be {PanelMeeting.MaxMinutesLength} characters or fewer");
        }

        var meeting = await db.Set<PanelMeeting>().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
            ?? throw new SafeguardValidationException("MeetingId", "There is no such meeting");
        using (db.BeginProcess("Panels.RecordMinutes", actor))
        {
            db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
            meeting.Minutes = string.IsNullOrWhiteSpace(minutes) ? null : minutes.Trim();
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>Records (or changes) the panel's decision for a child; refused when it changed since <paramref name="version"/> was read.</summary>
    public async Task RecordDecisionAsync(Guid caseId, int version, string? decision, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var item = await CaseForChangeAsync(caseId, actor, cancellationToken);
        if (string.IsNullOrWhiteSpace(decision))
        {
            db.ChangeTracker.Clear();
            throw new SafeguardValidationException("Decision", "Enter the panel's decision");
        }

        if (decision.Trim().Length > PanelCase.MaxDecisionLength)
        {
            db.ChangeTracker.Clear();
            throw new SafeguardValidationException("Decision", $"The decision must be {PanelCase.MaxDecisionLength} characters or fewer");
        }

        using (db.BeginProcess("Panels.RecordDecision", actor))
        {
            db.Entry(item).Property(c => c.Version).OriginalValue = version;
            item.Decision = decision.Trim();
            item.DecidedAt = Now;
            item.DecidedByName = RecordKeeping.Fit(actor.Name, PanelMeeting.MaxNameLength);
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>Sets an action for a child on the agenda, owned by an active user, due on or after the meeting.</summary>
    public async Task<PanelAction> AddActionAsync(Guid caseId, PanelActionDetails details, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(actor);
        var item = await CaseForChangeAsync(caseId, actor, cancellationToken);
        db.ChangeTracker.Clear();
        var meetingDate = await db.Set<PanelMeeting>().Where(m => m.Id == item.MeetingId).Select(m => m.MeetingDate).FirstAsync(cancellationToken);
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(details.Description))
        {
            problems.Add(new("Description", "Say what is to be done"));
        }
        else if (details.Description.Trim().Length > PanelAction.MaxDescriptionLength)
        {
            problems.Add(new("Description", $"The action must be {PanelAction.MaxDescriptionLength} characters or fewer"));
        }

        var owner = details.OwnerUserId is { } ownerId
            ? await db.Users.AsNoTracking().Where(u => u.Id == ownerId && !u.IsDisabled).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (owner is null)
        {
            problems.Add(new("OwnerUserId", "Select who owns the action"));
        }

        if (details.DueOn is not { } due)
        {
            problems.Add(new("DueOn", "Enter the date the action is due"));
        }
        else if (due < meetingDate)
        {
            problems.Add(new("DueOn", "The action cannot be due before the meeting"));
        }

        RecordKeeping.ThrowIfAny(problems);
        var action = new PanelAction
        {
            CaseId = item.Id,
            MeetingId = item.MeetingId,
            PersonId = item.PersonId,
            Description = details.Description!.Trim(),
            OwnerUserId = owner!.Id,
            OwnerName = RecordKeeping.Fit(owner.DisplayName, PanelMeeting.MaxNameLength),
            DueOn = details.DueOn!.Value,
            CreatedAt = Now,
            CreatedByName = RecordKeeping.Fit(actor.Name, PanelMeeting.MaxNameLength),
        };
        using (db.BeginProcess("Panels.AddAction", actor))
        {
            db.Add(action);
            await db.SaveAndClearAsync(cancellationToken);
        }

        return action;
    }

    /// <summary>Marks an action done: its owner or a user who runs the panel (<paramref name="manager"/>); refused when it changed since read.</summary>
    public async Task CompleteActionAsync(Guid actionId, int version, bool manager, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var action = await db.Set<PanelAction>().FirstOrDefaultAsync(a => a.Id == actionId, cancellationToken);
        if (action is null || !await people.Visible(actor).AnyAsync(p => p.Id == action.PersonId, cancellationToken))
        {
            db.ChangeTracker.Clear();
            throw new SafeguardValidationException("ActionId", "There is no such action");
        }

        if (!manager && action.OwnerUserId != actor.UserId)
        {
            db.ChangeTracker.Clear();
            throw new SafeguardValidationException("ActionId", "Only the action's owner or someone who runs the panel can mark it done");
        }

        if (action.CompletedAt is not null)
        {
            db.ChangeTracker.Clear();
            throw new SafeguardValidationException("ActionId", "The action is already done");
        }

        using (db.BeginProcess("Panels.CompleteAction", actor))
        {
            db.Entry(action).Property(a => a.Version).OriginalValue = version;
            action.CompletedAt = Now;
            action.CompletedByName = RecordKeeping.Fit(actor.Name, PanelMeeting.MaxNameLength);
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>The active users who may own an action: anyone who may see the panel.</summary>
    public async Task<IReadOnlyList<PanelOwner>> OwnersAsync(CancellationToken cancellationToken = default)
    {
        var roles = Identity.Roles.Defaults.Where(r => r.Permissions.Contains(Identity.Permissions.ViewPanels)).Select(r => r.Name).ToList();
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        var userIds = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return await db.Users.AsNoTracking().Where(u => !u.IsDisabled && userIds.Contains(u.Id))
            .OrderBy(u => u.DisplayName)
            .Select(u => new PanelOwner(u.Id, u.DisplayName, u.Agency!.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The window a meeting's agenda looks at.</summary>
    public async Task<PanelWindow> WindowAsync(PanelMeeting meeting, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        var to = meeting.MeetingDate < Today ? meeting.MeetingDate : Today;
        var previous = await db.Set<PanelMeeting>().AsNoTracking()
            .Where(m => m.MeetingDate < meeting.MeetingDate)
            .OrderByDescending(m => m.MeetingDate)
            .Select(m => (DateOnly?)m.MeetingDate)
            .FirstOrDefaultAsync(cancellationToken);
        var from = previous is { } p ? p.AddDays(1) : to.AddMonths(-1).AddDays(1);
        return new PanelWindow(from > to ? to : from, to);
    }

    private async Task<PanelCase> CaseForChangeAsync(Guid caseId, Actor actor, CancellationToken cancellationToken)
    {
        var item = await db.Set<PanelCase>().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (item is null || !await people.Visible(actor).AnyAsync(p => p.Id == item.PersonId, cancellationToken))
        {
            db.ChangeTracker.Clear();
            throw new SafeguardValidationException("CaseId", "There is no such child on the agenda");
        }

        return item;
    }
}
