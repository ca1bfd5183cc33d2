using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.People;

namespace Safeguard.ComplexSafeguarding;

/// <summary>Reading the panel: the meetings, one meeting with its agenda, one child's item; each child named is audited.</summary>
public sealed partial class PanelService
{
    /// <summary>The meetings, newest first, with how many children, decisions and open actions each has.</summary>
    public async Task<IReadOnlyList<PanelMeetingSummary>> MeetingsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<PanelMeeting>().AsNoTracking().OrderByDescending(m => m.MeetingDate).Take(200)
            .Select(m => new PanelMeetingSummary(
                m.Id, m.MeetingDate, m.Chair,
                db.Set<PanelCase>().Count(c => c.MeetingId == m.Id),
                db.Set<PanelCase>().Count(c => c.MeetingId == m.Id && c.Decision != null),
                db.Set<PanelAction>().Count(a => a.MeetingId == m.Id && a.CompletedAt == null)))
            .ToListAsync(cancellationToken);

    /// <summary>A meeting with its attendees and agenda (children by name, restricted ones as a placeholder); null when there is none.</summary>
    public async Task<PanelMeetingView?> MeetingAsync(Guid meetingId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var meeting = await db.Set<PanelMeeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken);
        if (meeting is null)
        {
            return null;
        }

        var attendees = await db.Set<PanelAttendee>().AsNoTracking().Include(a => a.Agency).Where(a => a.MeetingId == meetingId).ToListAsync(cancellationToken);
        var cases = await db.Set<PanelCase>().AsNoTracking().Where(c => c.MeetingId == meetingId).ToListAsync(cancellationToken);
        var agenda = await CaseViewsAsync(cases, actor, cancellationToken);
        await AuditAsync("Panels.ViewMeeting", actor, MeetingEntityType, meetingId, agenda, $"panel meeting {meeting.MeetingDate:yyyy-MM-dd}", cancellationToken);
        return new PanelMeetingView(
            meeting,
            [.. attendees.OrderBy(a => a.Agency?.Name, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal)],
            [.. agenda.OrderBy(c => c.CanOpen ? 0 : 1).ThenBy(c => c.ChildName, StringComparer.Ordinal)],
            await WindowAsync(meeting, cancellationToken));
    }

    /// <summary>One child's agenda item with its meeting; null when there is none or the child's record is one the actor may not see.</summary>
    public async Task<PanelCaseDetail?> CaseAsync(Guid caseId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var item = await db.Set<PanelCase>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (item is null)
        {
            return null;
        }

        var view = (await CaseViewsAsync([item], actor, cancellationToken))[0];
        if (!view.CanOpen)
        {
            return null;
        }

        var meeting = await db.Set<PanelMeeting>().AsNoTracking().FirstAsync(m => m.Id == item.MeetingId, cancellationToken);
        await AuditAsync("Panels.ViewCase", actor, CaseEntityType, caseId, [view], "panel agenda item", cancellationToken);
        return new PanelCaseDetail(meeting, view);
    }

    /// <summary>The agenda item an action belongs to, for the action's page; null as <see cref="CaseAsync"/>.</summary>
    public async Task<(PanelCaseDetail Detail, PanelActionView Action)?> ActionAsync(Guid actionId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var caseId = await db.Set<PanelAction>().Where(a => a.Id == actionId).Select(a => (Guid?)a.CaseId).FirstOrDefaultAsync(cancellationToken);
        if (caseId is null || await CaseAsync(caseId.Value, actor, cancellationToken) is not { } detail)
        {
            return null;
        }

        return (detail, detail.Item.Actions.Single(a => a.Action.Id == actionId));
    }

    private async Task<List<PanelCaseView>> CaseViewsAsync(List<PanelCase> cases, Actor actor, CancellationToken cancellationToken)
    {
        var ids = cases.Select(c => c.PersonId).Distinct().ToList();
        var caseIds = cases.Select(c => c.Id).ToList();
        var names = await people.Visible(actor).AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var actions = (await db.Set<PanelAction>().AsNoTracking().Where(a => caseIds.Contains(a.CaseId)).ToListAsync(cancellationToken)).ToLookup(a => a.CaseId);
        var today = Today;
        return [.. cases.Select(c =>
        {
            var visible = names.TryGetValue(c.PersonId, out var name);
            return new PanelCaseView(
                c,
                visible ? name! : MissingEpisodeService.RestrictedName,
                visible,
                visible ? [.. actions[c.Id].OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).Select(a => new PanelActionView(a, a.CompletedAt is null && a.DueOn < today))] : []);
        })];
    }

    private async Task AuditAsync(string process, Actor actor, string entityType, Guid id, IEnumerable<PanelCaseView> named, string detail, CancellationToken cancellationToken)
    {
        using (db.BeginProcess(process, actor))
        {
            db.RecordAccess(entityType, id.ToString(), AuditAction.Viewed);
            foreach (var item in named.Where(c => c.CanOpen))
            {
                db.RecordAccess(PersonIndex.EntityType, item.Case.PersonId.ToString(), AuditAction.Viewed, detail);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
