using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.ComplexSafeguarding;

/// <summary>The panel's open actions on their owners' due work ("my work"), and on the team's when the owner is in a team.</summary>
public sealed class PanelActionDueWorkSource(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    /// <summary>A panel action's due date is set by the panel, not a timescale: this rule names it on due work.</summary>
    public static readonly TimescaleRule Rule = TimescaleRule.DueDateSetBy(
        "panel-action",
        "An action set by the exploitation and missing panel",
        "the panel meeting",
        "The panel's decision");

    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var open = db.Set<PanelAction>().AsNoTracking().Where(a => a.CompletedAt == null);
        if (query.WorkerId is { } worker)
        {
            open = open.Where(a => a.OwnerUserId == worker);
        }

        if (query.TeamId is { } team)
        {
            var members = db.Users.Where(u => u.TeamId == team).Select(u => u.Id);
            open = open.Where(a => members.Contains(a.OwnerUserId));
        }

        var actions = await open
            .Join(db.Set<PanelMeeting>(), a => a.MeetingId, m => m.Id, (a, m) => new { a.Id, a.PersonId, a.Description, a.OwnerUserId, a.DueOn, m.MeetingDate })
            .ToListAsync(cancellationToken);
        if (actions.Count == 0)
        {
            return [];
        }

        var personIds = actions.Select(a => a.PersonId).Distinct().ToList();
        var ownerIds = actions.Select(a => a.OwnerUserId).Distinct().ToList();
        var names = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.IsRestricted ? MissingEpisodeService.RestrictedName : p.DisplayName, cancellationToken);
        var teams = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.TeamId, cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. actions.Select(a => new DueItem(
            a.PersonId,
            names.GetValueOrDefault(a.PersonId, ""),
            "Panel action: " + (a.Description.Length <= 80 ? a.Description : a.Description[..79] + "…"),
            teams.GetValueOrDefault(a.OwnerUserId),
            a.OwnerUserId,
            deadlines.Assess(new Deadline(Rule, a.MeetingDate > a.DueOn ? a.DueOn : a.MeetingDate, a.DueOn)),
            $"/panels/actions/{a.Id}"))];
    }
}

/// <summary>A child's discussions at the panel on their chronology: why they came, the decision and the actions set.</summary>
public sealed class PanelChronologySource(SafeguardDbContext db) : IChronologySource
{
    public async Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken)
    {
        var cases = await db.Set<PanelCase>().AsNoTracking().Where(c => c.PersonId == personId)
            .Join(db.Set<PanelMeeting>(), c => c.MeetingId, m => m.Id, (c, m) => new { Case = c, m.MeetingDate })
            .ToListAsync(cancellationToken);
        var caseIds = cases.Select(c => c.Case.Id).ToList();
        var actions = (await db.Set<PanelAction>().AsNoTracking().Where(a => caseIds.Contains(a.CaseId)).ToListAsync(cancellationToken)).ToLookup(a => a.CaseId);
        return [.. cases.Select(c =>
        {
            var detail = string.Join(". ", new[]
            {
                c.Case.Reasons.Replace('\n', ';'),
                c.Case.Decision is null ? null : $"Decision: {c.Case.Decision}",
            }.Concat(actions[c.Case.Id].Select(a => $"Action for {a.OwnerName} by {a.DueOn:d MMM yyyy}: {a.Description}")).Where(s => s is not null));
            return new ChronologyEntry(UkTime.StartOfDay(c.MeetingDate), ChronologyKinds.Panel,
                c.Case.Decision is null ? "On the exploitation and missing panel's agenda" : "Exploitation and missing panel decision",
                detail, null, null, PanelService.CaseEntityType, c.Case.Id, $"/panels/cases/{c.Case.Id}");
        })];
    }
}
