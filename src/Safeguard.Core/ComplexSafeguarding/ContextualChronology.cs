using Microsoft.EntityFrameworkCore;
using Safeguard.Calendar;
using Safeguard.Chronology;
using Safeguard.People;
using Safeguard.Persistence;

namespace Safeguard.ComplexSafeguarding;

/// <summary>A child's links to places, people and groups on their chronology: when each started (or was recorded) and when it ended.</summary>
public sealed class ContextualChronologySource(SafeguardDbContext db) : IChronologySource
{
    public async Task<IReadOnlyList<ChronologyEntry>> EntriesForAsync(Guid personId, CancellationToken cancellationToken)
    {
        var links = await db.Set<ContextualLink>().AsNoTracking()
            .Where(l => l.PersonId == personId || l.RelatedPersonId == personId)
            .ToListAsync(cancellationToken);
        if (links.Count == 0)
        {
            return [];
        }

        var personIds = links.Select(l => l.PersonId == personId ? l.RelatedPersonId : l.PersonId).OfType<Guid>().Distinct().ToList();
        var names = await db.Set<Person>().AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var locationIds = links.Select(l => l.LocationId).OfType<Guid>().ToList();
        var groupIds = links.Select(l => l.GroupId).OfType<Guid>().ToList();
        var places = await db.Set<ContextualLocation>().AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, cancellationToken);
        var groups = await db.Set<ContextualGroup>().AsNoTracking().Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);
        var entries = new List<ChronologyEntry>();
        foreach (var link in links)
        {
            Guid? namesPersonId = link.LocationId is null && link.GroupId is null
                ? (link.PersonId == personId ? link.RelatedPersonId : link.PersonId)
                : null;
            string? other = link switch
            {
                { LocationId: { } l } => places.GetValueOrDefault(l),
                { GroupId: { } g } => $"the group {groups.GetValueOrDefault(g)}",
                _ => names.GetValueOrDefault(namesPersonId!.Value),
            };
            if (other is null)
            {
                continue;
            }

            var how = ContextualText.Describe(link.Relationship).ToLowerInvariant();
            var href = link.PersonId == personId ? ContextualService.PersonHref(personId) : ContextualService.PersonHref(link.PersonId);
            var detail = string.Join(". ", new[] { $"Source: {link.Source}", link.Notes }.Where(s => s is not null));
            entries.Add(new(link.From is { } from ? UkTime.StartOfDay(from) : link.RecordedAt, ChronologyKinds.Contextual, $"Linked to {other} ({how})", detail,
                null, null, ContextualService.LinkEntityType, link.Id, href)
            { NamesPersonId = namesPersonId });
            if (link.To is { } to)
            {
                entries.Add(new(UkTime.StartOfDay(to), ChronologyKinds.Contextual, $"Link to {other} ended ({how})", null, null, null, ContextualService.LinkEntityType, link.Id, href) { NamesPersonId = namesPersonId });
            }
        }

        return entries;
    }
}
