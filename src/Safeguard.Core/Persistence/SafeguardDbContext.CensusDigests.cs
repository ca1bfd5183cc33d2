using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Safeguard.Journey;
using Safeguard.People;

namespace Safeguard.Persistence;

public sealed partial class SafeguardDbContext
{
    /// <summary>Each child's census content as the census import last applied it (docs/adr/0034).</summary>
    public DbSet<CensusDigest> CensusDigests => Set<CensusDigest>();

    /// <summary>
    /// Deletes the census digests of the children whose records the pending changes touch (the person, an episode
    /// or any record in one; for a record moved to another person or episode, both sides), so that the next census
    /// import applies those children in full instead of skipping them as unchanged (docs/adr/0034). Runs in the
    /// saving transaction, before the changes are written.
    /// </summary>
    private Task ForgetCensusDigestsAsync(IEnumerable<EntityEntry> entries, CancellationToken cancellationToken)
    {
        var touched = new TouchedChildren();
        foreach (var entry in entries)
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                touched.Add(entry.Entity, entry.State == EntityState.Modified ? entry : null);
            }
        }

        return ForgetCensusDigestsAsync(touched, cancellationToken);
    }

    /// <summary>
    /// As above, for new records written in bulk rather than through the change tracker. A person, episode or plan
    /// written in the same call is not in the database yet, so no digest can be found through it: only the people,
    /// episodes and plans already held that the new records belong to are looked for (none when the records are all
    /// of children new to Safeguard, as on a census import into an empty database).
    /// </summary>
    private Task ForgetCensusDigestsAsync(IReadOnlyCollection<object> created, CancellationToken cancellationToken)
    {
        var touched = new TouchedChildren();
        var createdIds = new HashSet<Guid>();
        foreach (var record in created)
        {
            touched.Add(record, null);
            switch (record)
            {
                case Person person:
                    createdIds.Add(person.Id);
                    break;
                case NeedEpisode episode:
                    createdIds.Add(episode.Id);
                    break;
                case ProtectionPlan plan:
                    createdIds.Add(plan.Id);
                    break;
            }
        }

        touched.People.ExceptWith(createdIds);
        touched.Episodes.ExceptWith(createdIds);
        touched.Plans.ExceptWith(createdIds);
        return ForgetCensusDigestsAsync(touched, cancellationToken);
    }

    private async Task ForgetCensusDigestsAsync(TouchedChildren touched, CancellationToken cancellationToken)
    {
        if (touched.IsEmpty)
        {
            return;
        }

        List<Guid> people = [.. touched.People], episodes = [.. touched.Episodes], plans = [.. touched.Plans];
        await CensusDigests
            .Where(d => people.Contains(d.PersonId)
                || NeedEpisodes.Any(e => e.PersonId == d.PersonId
                    && (episodes.Contains(e.Id) || Set<ProtectionPlan>().Any(p => p.EpisodeId == e.Id && plans.Contains(p.Id)))))
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The people, episodes and child protection plans that changed records belong to.</summary>
    private sealed class TouchedChildren
    {
        public HashSet<Guid> People { get; } = [];

        public HashSet<Guid> Episodes { get; } = [];

        public HashSet<Guid> Plans { get; } = [];

        public bool IsEmpty => People.Count == 0 && Episodes.Count == 0 && Plans.Count == 0;

        /// <param name="record">The record added, changed or deleted.</param>
        /// <param name="modified">Its entry when it was changed, to find the person or episode it belonged to before.</param>
        public void Add(object record, EntityEntry? modified)
        {
            switch (record)
            {
                case Person person:
                    People.Add(person.Id);
                    break;
                case NeedEpisode episode:
                    Add(People, episode.PersonId, modified, nameof(NeedEpisode.PersonId));
                    break;
                case CaseAssessment assessment:
                    Add(Episodes, assessment.EpisodeId, modified, nameof(CaseAssessment.EpisodeId));
                    break;
                case ChildInNeedPlan plan:
                    Add(Episodes, plan.EpisodeId, modified, nameof(ChildInNeedPlan.EpisodeId));
                    break;
                case StrategyDiscussion discussion:
                    Add(Episodes, discussion.EpisodeId, modified, nameof(StrategyDiscussion.EpisodeId));
                    break;
                case S47Enquiry enquiry:
                    Add(Episodes, enquiry.EpisodeId, modified, nameof(S47Enquiry.EpisodeId));
                    break;
                case ProtectionPlan plan:
                    Add(Episodes, plan.EpisodeId, modified, nameof(ProtectionPlan.EpisodeId));
                    break;
                case ReviewConference review:
                    Add(Plans, review.PlanId, modified, nameof(ReviewConference.PlanId));
                    break;
            }
        }

        private static void Add(HashSet<Guid> set, Guid current, EntityEntry? modified, string property)
        {
            set.Add(current);
            if (modified?.Property(property).OriginalValue is Guid original)
            {
                set.Add(original);
            }
        }
    }
}
