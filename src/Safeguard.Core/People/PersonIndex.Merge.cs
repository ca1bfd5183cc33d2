using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Common;

namespace Safeguard.People;

/// <summary>Merging a duplicate into the record kept, and undoing it.</summary>
public sealed partial class PersonIndex
{
    /// <summary>
    /// Merges <paramref name="mergedId"/> into <paramref name="survivorId"/>: the merged record is kept, marked
    /// merged, and its relationships are moved to the survivor (<see cref="UnmergeAsync"/> moves them back), as are
    /// the records each area's <see cref="IPersonRecordsMover"/> moves, in the same audited save.
    /// </summary>
    public async Task<PersonMerge> MergeAsync(Guid survivorId, int survivorVersion, Guid mergedId, int mergedVersion, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var survivor = await Visible(actor).FirstOrDefaultAsync(p => p.Id == survivorId, cancellationToken);
        var merged = await Visible(actor).FirstOrDefaultAsync(p => p.Id == mergedId, cancellationToken);
        var problems = new List<ValidationProblem>();
        if (survivor is null || survivor.MergedIntoId is not null)
        {
            problems.Add(new("SurvivorId", "Select the record to keep"));
        }

        if (merged is null || merged.MergedIntoId is not null)
        {
            problems.Add(new("MergedId", "Select the duplicate record to merge into it"));
        }
        else if (mergedId == survivorId)
        {
            problems.Add(new("MergedId", "A record cannot be merged into itself"));
        }
        else if (survivor is not null && survivor.Kind != merged.Kind)
        {
            problems.Add(new("MergedId", "A child's record can only be merged with another child's, and an adult's with another adult's"));
        }
        else if (survivor is not null && merged.IsRestricted && !survivor.IsRestricted)
        {
            problems.Add(new("MergedId", "The duplicate is restricted and the record to keep is not: restrict the record to keep first"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(new("Reason", "Say why these records are the same person"));
        }

        if (problems.Count > 0)
        {
            throw new SafeguardValidationException(problems);
        }

        var links = await db.Set<PersonRelationship>()
            .Where(r => r.PersonId == mergedId || r.RelatedPersonId == mergedId)
            .ToListAsync(cancellationToken);
        var moved = new List<string>();
        foreach (var link in links)
        {
            // A link between the two records themselves would become a link to itself: it stays on the merged record.
            if (link.PersonId == survivorId || link.RelatedPersonId == survivorId)
            {
                continue;
            }

            if (link.PersonId == mergedId)
            {
                link.PersonId = survivorId;
                moved.Add($"{link.Id}:P");
            }
            else
            {
                link.RelatedPersonId = survivorId;
                moved.Add($"{link.Id}:R");
            }
        }

        foreach (var mover in movers)
        {
            await mover.MoveAsync(mergedId, survivorId, cancellationToken);
        }

        using var process = db.BeginProcess("People.Merge", actor, reason);
        db.Entry(survivor!).Property(p => p.Version).OriginalValue = survivorVersion;
        db.Entry(merged!).Property(p => p.Version).OriginalValue = mergedVersion;
        merged!.MergedIntoId = survivorId;
        // The survivor is saved too, so a concurrent change to it is refused.
        db.Entry(survivor!).State = EntityState.Modified;
        var merge = new PersonMerge
        {
            SurvivorId = survivorId,
            MergedId = mergedId,
            MovedLinks = string.Join(',', moved),
            MergedAt = db.Time.GetUtcNow(),
            MergedByName = actor.Name,
        };
        db.Add(merge);
        await SaveAsync(cancellationToken);
        return merge;
    }

    /// <summary>Undoes a merge: the merged record stands alone again and the links it had are moved back.</summary>
    public async Task UnmergeAsync(Guid mergedId, string reason, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var merged = await Visible(actor).FirstOrDefaultAsync(p => p.Id == mergedId, cancellationToken);
        var merge = merged?.MergedIntoId is null
            ? null
            : await db.Set<PersonMerge>()
                .Where(m => m.MergedId == mergedId && m.UnmergedAt == null)
                .OrderByDescending(m => m.MergedAt)
                .FirstOrDefaultAsync(cancellationToken);
        if (merged is null || merge is null)
        {
            throw new SafeguardValidationException("MergedId", "This record has not been merged into another");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new SafeguardValidationException("Reason", "Say why the merge is being undone");
        }

        var moved = merge.MovedLinks.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(m => (Id: Guid.Parse(m[..^2]), Side: m[^1]))
            .ToList();
        var ids = moved.Select(m => m.Id).ToList();
        var links = await db.Set<PersonRelationship>().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);

        using var process = db.BeginProcess("People.Unmerge", actor, reason);
        foreach (var (id, side) in moved)
        {
            if (!links.TryGetValue(id, out var link))
            {
                continue; // Removed since the merge: nothing to move back.
            }

            if (side == 'P' && link.PersonId == merge.SurvivorId)
            {
                link.PersonId = mergedId;
            }
            else if (side == 'R' && link.RelatedPersonId == merge.SurvivorId)
            {
                link.RelatedPersonId = mergedId;
            }
        }

        merged.MergedIntoId = null;
        merge.UnmergedAt = db.Time.GetUtcNow();
        merge.UnmergedByName = actor.Name;
        await SaveAsync(cancellationToken);
    }
}
