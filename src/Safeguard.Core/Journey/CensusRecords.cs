using Microsoft.EntityFrameworkCore;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.Journey;

/// <summary>Loading many children's episodes with their records at once, for the census import and export.</summary>
internal static class CensusRecords
{
    /// <summary>A new person, their names and their episodes with every record in them, parents before children.</summary>
    public static IEnumerable<object> Graph(Person person, IEnumerable<NeedEpisode> episodes)
    {
        yield return person;
        foreach (var name in person.Names)
        {
            yield return name;
        }

        foreach (var episode in episodes)
        {
            yield return episode;
            foreach (var record in episode.Assessments)
            {
                yield return record;
            }

            foreach (var record in episode.CinPlans)
            {
                yield return record;
            }

            foreach (var record in episode.StrategyDiscussions)
            {
                yield return record;
            }

            foreach (var record in episode.Enquiries)
            {
                yield return record;
            }

            foreach (var plan in episode.ProtectionPlans)
            {
                yield return plan;
                foreach (var review in plan.Reviews)
                {
                    yield return review;
                }
            }

            foreach (var allocation in episode.Allocations)
            {
                yield return allocation;
            }
        }
    }

    /// <summary>
    /// The episodes of <paramref name="personIds"/>, tracked, with their assessments, plans, discussions,
    /// enquiries and protection plans with reviews. Each kind of record is loaded by its episodes' ids and
    /// attached by the change tracker: a query per kind joined from the episodes filtered by child (as
    /// <see cref="CaseworkService.WithRecords"/> does for one child) is many times slower for hundreds.
    /// </summary>
    public static async Task<List<NeedEpisode>> LoadTrackedAsync(SafeguardDbContext db, IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken)
    {
        var episodes = await db.NeedEpisodes.Where(e => personIds.Contains(e.PersonId)).ToListAsync(cancellationToken);
        var episodeIds = episodes.Select(e => e.Id).ToList();
        await db.Set<CaseAssessment>().Where(a => episodeIds.Contains(a.EpisodeId)).LoadAsync(cancellationToken);
        await db.Set<ChildInNeedPlan>().Where(p => episodeIds.Contains(p.EpisodeId)).LoadAsync(cancellationToken);
        await db.Set<StrategyDiscussion>().Where(d => episodeIds.Contains(d.EpisodeId)).LoadAsync(cancellationToken);
        await db.Set<S47Enquiry>().Where(s => episodeIds.Contains(s.EpisodeId)).LoadAsync(cancellationToken);
        var plans = await db.Set<ProtectionPlan>().Where(p => episodeIds.Contains(p.EpisodeId)).ToListAsync(cancellationToken);
        var planIds = plans.Select(p => p.Id).ToList();
        await db.Set<ReviewConference>().Where(r => planIds.Contains(r.PlanId)).LoadAsync(cancellationToken);
        return episodes;
    }
}
