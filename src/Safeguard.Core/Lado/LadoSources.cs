using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Work;

namespace Safeguard.Lado;

/// <summary>
/// The LADO's due work: each open allegation on the list of the designated officer holding it, against its initial
/// consideration (one working day from the referral) until decided, then against the resolution period. It is never on
/// a team's list or the all-work view, and only while the holder's roles still grant <c>lado.view</c>: the worker's
/// identity is as sensitive as a child's (ADR 0049). The item names the worker, not a child.
/// </summary>
public sealed class LadoDueWorkSource(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.WorkerId is not { } worker || query.TeamId is not null || !await UserPermissions.HoldsAsync(db, worker, Permissions.ViewLado, cancellationToken))
        {
            return [];
        }

        var open = await db.Set<LadoAllegation>().AsNoTracking()
            .Where(a => a.ClosedOn == null && a.OwnerUserId == worker)
            .Select(a => new { a.Id, a.WorkerName, a.ReferredOn, a.Decision })
            .ToListAsync(cancellationToken);
        if (open.Count == 0)
        {
            return [];
        }

        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        return [.. open.Select(a => new DueItem(
            null,
            $"Allegation about {a.WorkerName}",
            a.Decision is null ? "LADO initial consideration" : "LADO allegation open: resolution",
            null,
            worker,
            deadlines.Assess(deadlines.Calculate(a.Decision is null ? LadoService.InitialConsiderationRule : LadoService.ResolutionRule, a.ReferredOn)),
            $"/lado/allegations/{a.Id}"))];
    }
}

/// <summary>
/// When two person records are merged, the allegations naming the duplicate name the record kept; an allegation that
/// named both keeps one link. Saved, and audited, with the merge.
/// </summary>
internal sealed class LadoRecordsMover(SafeguardDbContext db) : People.IPersonRecordsMover
{
    public async Task MoveAsync(Guid mergedId, Guid survivorId, CancellationToken cancellationToken)
    {
        var links = await db.Set<LadoAllegationChild>().Where(c => c.PersonId == mergedId).ToListAsync(cancellationToken);
        if (links.Count == 0)
        {
            return;
        }

        var allegationIds = links.Select(l => l.AllegationId).ToList();
        var alreadyNamed = (await db.Set<LadoAllegationChild>().Where(c => c.PersonId == survivorId && allegationIds.Contains(c.AllegationId))
            .Select(c => c.AllegationId).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var link in links)
        {
            if (alreadyNamed.Contains(link.AllegationId))
            {
                db.Remove(link);
            }
            else
            {
                link.PersonId = survivorId;
            }
        }
    }
}
