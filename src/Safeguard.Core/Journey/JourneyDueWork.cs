using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Persistence;
using Safeguard.Timescales;
using Safeguard.Work;

namespace Safeguard.Journey;

/// <summary>
/// The journey's timescale-governed work: open assessments, initial conferences and review conferences. Read with a
/// few set-based queries, never per episode: first the episodes in scope (with their open allocation and their child's
/// name), from the open allocations to the worker or team asked for (indexed by team or worker and end), or every open
/// episode; then one query per kind of record for those episodes' ids.
/// </summary>
public sealed class JourneyDueWork(SafeguardDbContext db, CalendarAdministration calendar) : IDueWorkSource
{
    /// <summary>How a restricted child is named in lists of work.</summary>
    public const string RestrictedName = "Restricted record";

    public async Task<IReadOnlyList<DueItem>> DueAsync(DueWorkQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var scope = await ScopeAsync(db, query, cancellationToken);
        if (scope.Count == 0)
        {
            return [];
        }

        var ids = scope.Keys.ToList();
        var assessments = await db.Set<CaseAssessment>().AsNoTracking()
            .Where(a => a.AuthorisationDate == null && EF.Parameter(ids).Contains(a.EpisodeId))
            .Select(a => a.EpisodeId).ToListAsync(cancellationToken);
        var enquiries = await db.Set<S47Enquiry>().AsNoTracking()
            .Where(s => s.ConferenceDate == null && !s.IcpcNotRequired && EF.Parameter(ids).Contains(s.EpisodeId))
            .Select(s => new
            {
                s.EpisodeId,
                s.StartDate,
                DiscussionDate = db.Set<StrategyDiscussion>().Where(d => d.Id == s.StrategyDiscussionId && d.EpisodeId == s.EpisodeId).Select(d => (DateOnly?)d.Date).FirstOrDefault(),
            }).ToListAsync(cancellationToken);
        var plans = await db.Set<ProtectionPlan>().AsNoTracking()
            .Where(p => p.EndDate == null && EF.Parameter(ids).Contains(p.EpisodeId))
            .Select(p => new { p.EpisodeId, p.StartDate, LastReview = p.Reviews.Max(r => (DateOnly?)r.Date) }).ToListAsync(cancellationToken);
        var deadlines = await calendar.DeadlinesAsync(cancellationToken);
        var items = new List<DueItem>(assessments.Count + enquiries.Count + plans.Count);
        DueItem Item(Guid episodeId, string what, Deadline deadline)
        {
            var e = scope[episodeId];
            return new DueItem(e.PersonId, e.Name, what, e.TeamId, e.WorkerId, deadlines.Assess(deadline), $"/people/{e.PersonId}/casework");
        }

        items.AddRange(assessments.Select(a => Item(a, "Assessment", deadlines.Calculate("assessment", scope[a].ReferralDate))));
        items.AddRange(enquiries.Select(s => Item(s.EpisodeId, "Initial child protection conference", deadlines.Calculate("icpc", s.DiscussionDate ?? s.StartDate))));
        items.AddRange(plans.Select(p => p.LastReview is { } last
            ? Item(p.EpisodeId, "Review conference", deadlines.Calculate("later-cp-review", last))
            : Item(p.EpisodeId, "First review conference", deadlines.Calculate("first-cp-review", p.StartDate))));
        return items;
    }

    /// <summary>An open episode in a list's scope: its child (named, or <see cref="RestrictedName"/>) and its open allocation.</summary>
    internal sealed record ScopedEpisode(Guid PersonId, DateOnly ReferralDate, string Name, Guid? TeamId, Guid? WorkerId);

    /// <summary>
    /// The open episodes (not closed, not "no further action") in the query's scope, by id: those with an open
    /// allocation to the worker and/or team asked for, read from the allocations' (team, end) or (worker, end) index
    /// and joined to their episode and child in one query; or, with neither, every open episode.
    /// </summary>
    internal static async Task<Dictionary<Guid, ScopedEpisode>> ScopeAsync(SafeguardDbContext db, DueWorkQuery query, CancellationToken cancellationToken)
    {
        var open = db.NeedEpisodes.AsNoTracking().Where(e => e.ClosureDate == null && !e.ReferralNfa);
        var allocations = db.Set<CaseAllocation>().AsNoTracking().Where(a => a.To == null);
        var scope = new Dictionary<Guid, ScopedEpisode>();
        if (query.WorkerId is null && query.TeamId is null)
        {
            var everyOpen = await (from e in open
                                   join p in db.People on e.PersonId equals p.Id
                                   select new { e.Id, e.PersonId, e.ReferralDate, Name = p.IsRestricted ? RestrictedName : p.DisplayName }).ToListAsync(cancellationToken);
            var allocated = new Dictionary<Guid, (Guid TeamId, Guid? WorkerId)>();
            foreach (var a in await (from a in allocations join e in open on a.EpisodeId equals e.Id select new { a.EpisodeId, a.TeamId, a.WorkerId }).ToListAsync(cancellationToken))
            {
                allocated.TryAdd(a.EpisodeId, (a.TeamId, a.WorkerId));
            }

            foreach (var e in everyOpen)
            {
                var allocation = allocated.TryGetValue(e.Id, out var found) ? found : ((Guid TeamId, Guid? WorkerId)?)null;
                scope[e.Id] = new ScopedEpisode(e.PersonId, e.ReferralDate, e.Name, allocation?.TeamId, allocation?.WorkerId);
            }

            return scope;
        }

        if (query.WorkerId is { } worker)
        {
            allocations = allocations.Where(a => a.WorkerId == worker);
        }

        if (query.TeamId is { } team)
        {
            allocations = allocations.Where(a => a.TeamId == team);
        }

        var rows = await (from a in allocations
                          join e in open on a.EpisodeId equals e.Id
                          join p in db.People on e.PersonId equals p.Id
                          select new { e.Id, e.PersonId, e.ReferralDate, Name = p.IsRestricted ? RestrictedName : p.DisplayName, a.TeamId, a.WorkerId }).ToListAsync(cancellationToken);
        foreach (var e in rows)
        {
            scope.TryAdd(e.Id, new ScopedEpisode(e.PersonId, e.ReferralDate, e.Name, e.TeamId, e.WorkerId));
        }

        return scope;
    }
}
