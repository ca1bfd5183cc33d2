using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.ImprovementPlan;

/// <summary>A workstream lead's or action owner's part of the plan: the workstreams they lead and the milestones and actions they own or that sit in them.</summary>
public sealed record MyPart(Plan Plan, IReadOnlyList<Workstream> Leads, IReadOnlyList<(PlanAction Action, Workstream Workstream)> Owns);

/// <summary>
/// What workstream leads and action owners of the partner agencies change from their agency's pages: a lead rates
/// their workstream and its actions and moves them on; an owner rates and moves on their own actions; both add evidence.
/// Anything else in the plan is "not found" to them.
/// </summary>
public sealed class PlanUpdateService(SafeguardDbContext db, PlanService plans)
{
    public async Task<IReadOnlyList<MyPart>> ForUserAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.UserId is not { } me)
        {
            return [];
        }

        var leads = await db.Set<Workstream>().AsNoTracking().Include(w => w.Actions).ThenInclude(a => a.OwnerAgency).Where(w => w.LeadUserId == me).ToListAsync(cancellationToken);
        var owns = await db.Set<PlanAction>().AsNoTracking().Include(a => a.OwnerAgency).Where(a => a.OwnerUserId == me).ToListAsync(cancellationToken);
        var workstreamIds = owns.Select(a => a.WorkstreamId).Distinct().ToList();
        var parents = await db.Set<Workstream>().AsNoTracking().Where(w => workstreamIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
        var planIds = leads.Select(w => w.PlanId).Concat(owns.Select(a => a.PlanId)).Distinct().ToList();
        var planList = await db.Set<Plan>().AsNoTracking().Where(p => planIds.Contains(p.Id)).ToListAsync(cancellationToken);
        return [.. planList.OrderByDescending(p => p.StartsOn).Select(p => new MyPart(
            p,
            [.. leads.Where(w => w.PlanId == p.Id).OrderBy(w => w.Title, StringComparer.Ordinal)],
            [.. owns.Where(a => a.PlanId == p.Id && parents[a.WorkstreamId].LeadUserId != me).OrderBy(a => a.DueOn).Select(a => (a, parents[a.WorkstreamId]))]))];
    }

    public Task<PlanRating> RateAsync(RatedItemKind kind, Guid itemId, int version, RatingInput input, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (kind == RatedItemKind.Outcome)
        {
            throw new SafeguardValidationException("Item", "An outcome is rated by the business unit");
        }

        return plans.RateAsync(kind, itemId, version, input, actor, item => item switch
        {
            Workstream w => w.LeadUserId == actor.UserId,
            PlanAction a => a.OwnerUserId == actor.UserId || LeadOf(a.WorkstreamId, actor),
            _ => false,
        }, cancellationToken);
    }

    public Task UpdateActionAsync(Guid actionId, int version, PlanActionStatus? status, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return plans.UpdateActionAsync(actionId, version, status, actor, (a, w) => a.OwnerUserId == actor.UserId || w.LeadUserId == actor.UserId, cancellationToken);
    }

    public Task<PlanEvidenceNote> AddEvidenceAsync(Guid workstreamId, Guid? actionId, string? text, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return plans.AddEvidenceAsync(workstreamId, actionId, text, actor, (w, a) => w.LeadUserId == actor.UserId || (a is not null && a.OwnerUserId == actor.UserId), cancellationToken);
    }

    private bool LeadOf(Guid workstreamId, Actor actor) => db.Set<Workstream>().AsNoTracking().Any(w => w.Id == workstreamId && w.LeadUserId == actor.UserId);
}
