using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.People;
using Safeguard.Work;

namespace Safeguard.Escalations;

/// <summary>Reading escalations: one, a list paged in the database, and the staff of an agency to name at a stage; every read is audited.</summary>
public sealed partial class EscalationService
{
    /// <summary>How a child whose record the reader may not see is named.</summary>
    public const string RestrictedName = "A restricted record";

    /// <summary>One escalation the actor may see, audited (and, when linked to a child's record, a view of that record); null otherwise.</summary>
    public async Task<EscalationView?> GetAsync(Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var reach = await EscalationAccess.DemandAsync(db, actor, cancellationToken);
        var escalation = await Reachable(reach, actor).AsNoTracking().Include(e => e.Stages).Include(e => e.Notes).AsSplitQuery().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (escalation is null)
        {
            return null;
        }

        escalation.Stages.Sort((a, b) => a.Number.CompareTo(b.Number));
        escalation.Notes.Sort((a, b) => a.WrittenAt != b.WrittenAt ? a.WrittenAt.CompareTo(b.WrittenAt) : a.Id.CompareTo(b.Id));
        var view = (await ViewsAsync([escalation], actor, cancellationToken))[0];
        using (db.BeginProcess("Escalations.View", actor))
        {
            db.RecordAccess(EntityType, id.ToString(), AuditAction.Viewed);
            if (escalation.PersonId is { } child)
            {
                db.RecordAccess(PersonIndex.EntityType, child.ToString(), AuditAction.Viewed, $"escalation {id}");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return view;
    }

    /// <summary>
    /// One page of the escalations the actor may see, filtered, counted and paged in the database: open ones first by
    /// their current stage's due date (so overdue first), then closed ones newest first. Audited as a search.
    /// </summary>
    public async Task<ListPage<EscalationView>> ListPageAsync(EscalationFilter filter, Actor actor, int page = 1, int? pageSize = ListPage.DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var reach = await EscalationAccess.DemandAsync(db, actor, cancellationToken);
        var today = Today;
        var query = Reachable(reach, actor).AsNoTracking();
        query = filter.Status switch
        {
            EscalationStatus.Open => query.Where(e => e.ClosedOn == null),
            EscalationStatus.Closed => query.Where(e => e.ClosedOn != null),
            _ => query,
        };
        if (filter.Stage is { } stage)
        {
            query = query.Where(e => e.Stage == stage);
        }

        if (filter.AgencyId is { } agency)
        {
            query = query.Where(e => e.RaisedByAgencyId == agency || e.RaisedWithAgencyId == agency);
        }

        if (filter.Theme is { } theme)
        {
            query = query.Where(e => e.Theme == theme);
        }

        if (filter.OverdueOnly)
        {
            query = query.Where(e => e.ClosedOn == null && e.CurrentDueOn < today);
        }

        var total = await query.CountAsync(cancellationToken);
        var size = pageSize ?? Math.Max(1, total);
        var (number, skip) = ListPage.Clamp(total, page, size);
        var rows = await query
            .OrderBy(e => e.ClosedOn == null ? 0 : 1)
            .ThenBy(e => e.ClosedOn == null ? e.CurrentDueOn : DateOnly.MinValue)
            .ThenByDescending(e => e.ClosedOn)
            .ThenByDescending(e => e.RaisedOn)
            .ThenBy(e => e.Id)
            .Skip(skip).Take(size)
            .ToListAsync(cancellationToken);
        var views = await ViewsAsync(rows, actor, cancellationToken);
        using (db.BeginProcess("Escalations.List", actor))
        {
            db.RecordAccess(EntityType, "list", AuditAction.Searched, $"status={filter.Status}; stage={filter.Stage}; agency={filter.AgencyId}; theme={filter.Theme}; overdue={filter.OverdueOnly}; results={total}");
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ListPage<EscalationView>(views, total, number, size);
    }

    /// <summary>The active members of staff of the agencies given who hold <c>escalations.raise</c>, to name as the other side at a stage, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, Guid AgencyId)>> StaffAsync(IReadOnlyCollection<Guid> agencyIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agencyIds);
        var names = Roles.Defaults.Where(r => r.Permissions.Contains(Permissions.RaiseEscalations)).Select(r => r.Name).ToList();
        var users = await db.Users.AsNoTracking()
            .Where(u => agencyIds.Contains(u.AgencyId) && !u.IsDisabled)
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && names.Contains(r.Name!))))
            .Select(u => new { u.Id, u.DisplayName, u.AgencyId })
            .ToListAsync(cancellationToken);
        return [.. users.OrderBy(u => u.DisplayName, StringComparer.Ordinal).Select(u => (u.Id, u.DisplayName, u.AgencyId))];
    }

    private IQueryable<Escalation> Reachable(EscalationReach reach, Actor actor)
    {
        var query = db.Set<Escalation>().AsQueryable();
        if (reach == EscalationReach.OwnAgency)
        {
            var agency = actor.AgencyId ?? Guid.Empty;
            query = query.Where(e => e.RaisedByAgencyId == agency || e.RaisedWithAgencyId == agency);
        }

        return query;
    }

    private async Task<IReadOnlyList<EscalationView>> ViewsAsync(IReadOnlyList<Escalation> escalations, Actor actor, CancellationToken cancellationToken)
    {
        var agencyIds = escalations.SelectMany(e => new[] { e.RaisedByAgencyId, e.RaisedWithAgencyId }).Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, cancellationToken);
        var childIds = escalations.Select(e => e.PersonId).OfType<Guid>().Distinct().ToList();
        var children = childIds.Count == 0
            ? []
            : await people.Visible(actor).AsNoTracking().Where(p => childIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. escalations.Select(e => new EscalationView(
            e,
            agencies.GetValueOrDefault(e.RaisedByAgencyId, "Unknown agency"),
            agencies.GetValueOrDefault(e.RaisedWithAgencyId, "Unknown agency"),
            e.PersonId is { } p ? children.GetValueOrDefault(p, RestrictedName) : null,
            e.IsClosed ? null : deadlines.Assess(deadlines.Calculate(EscalationText.RuleFor(e.Stage), StageStart(e)) with { DueDate = e.CurrentDueOn })))];
    }

    /// <summary>The current stage's start, from the stages when read, else the raising day (the deadline's anchor is shown only in words).</summary>
    private static DateOnly StageStart(Escalation e) => e.Stages.FirstOrDefault(s => s.Number == e.Stage)?.StartedOn ?? e.RaisedOn;
}
