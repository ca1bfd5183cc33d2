using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.People;

namespace Safeguard.ComplexSafeguarding;

/// <summary>Reading contextual safeguarding: a person's, a place's and a group's links and network; every person named is audited.</summary>
public sealed partial class ContextualService
{
    /// <summary>A person's links (newest first) and network; null when there is no such person for the actor.</summary>
    public async Task<PersonLinksView?> ForPersonAsync(Guid personId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var person = await people.Visible(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var key = NodeRef.PersonKey(personId);
        var network = await NetworkAsync(key, actor, cancellationToken);
        var links = network.Edges.Where(e => e.From.Key == key || e.To.Key == key).OrderByDescending(e => e.Link.RecordedAt).ToList();
        await AuditAsync("Contextual.ViewPerson", actor, network, $"contextual links of {personId}", cancellationToken);
        return new PersonLinksView(person.Id, person.DisplayName, person.Kind == PersonKind.Child, person.Version, links, network);
    }

    /// <summary>A place, its links and network; null when there is none.</summary>
    public async Task<LocationView?> LocationAsync(Guid locationId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var location = await db.Set<ContextualLocation>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == locationId, cancellationToken);
        if (location is null)
        {
            return null;
        }

        var key = NodeRef.LocationKey(locationId);
        var network = await NetworkAsync(key, actor, cancellationToken);
        db.RecordAccess(LocationEntityType, locationId.ToString(), AuditAction.Viewed);
        await AuditAsync("Contextual.ViewLocation", actor, network, $"place {locationId}", cancellationToken);
        return new LocationView(location, [.. network.Edges.Where(e => e.To.Key == key).OrderByDescending(e => e.Link.RecordedAt)], network);
    }

    /// <summary>A group, its members and network; null when there is none.</summary>
    public async Task<GroupView?> GroupAsync(Guid groupId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var group = await db.Set<ContextualGroup>().AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId, cancellationToken);
        if (group is null)
        {
            return null;
        }

        var key = NodeRef.GroupKey(groupId);
        var network = await NetworkAsync(key, actor, cancellationToken);
        db.RecordAccess(GroupEntityType, groupId.ToString(), AuditAction.Viewed);
        await AuditAsync("Contextual.ViewGroup", actor, network, $"group {groupId}", cancellationToken);
        return new GroupView(group, [.. network.Edges.Where(e => e.To.Key == key).OrderByDescending(e => e.Link.RecordedAt)], network);
    }

    /// <summary>One link the actor may see (both its people), audited against them; null otherwise.</summary>
    public async Task<LinkView?> LinkAsync(Guid linkId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var link = await db.Set<ContextualLink>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == linkId, cancellationToken);
        if (link is null)
        {
            return null;
        }

        var views = await ViewsAsync([link], actor, cancellationToken);
        if (views.Count == 0)
        {
            return null;
        }

        using (db.BeginProcess("Contextual.ViewLink", actor))
        {
            db.RecordAccess(LinkEntityType, linkId.ToString(), AuditAction.Viewed);
            foreach (var id in PersonIds(views))
            {
                db.RecordAccess(PersonIndex.EntityType, id.ToString(), AuditAction.Viewed, $"contextual link {linkId}");
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return views[0];
    }

    /// <summary>The links learned from a missing episode (the episode's own view audits its child; others named are audited here).</summary>
    public async Task<IReadOnlyList<LinkView>> ForEpisodeAsync(Guid episodeId, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var links = await db.Set<ContextualLink>().AsNoTracking().Where(l => l.MissingEpisodeId == episodeId).ToListAsync(cancellationToken);
        var views = await ViewsAsync(links, actor, cancellationToken);
        if (views.Count > 0)
        {
            using (db.BeginProcess("Contextual.ViewEpisodeLinks", actor))
            {
                foreach (var id in PersonIds(views))
                {
                    db.RecordAccess(PersonIndex.EntityType, id.ToString(), AuditAction.Viewed, $"links of missing episode {episodeId}");
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }

        return [.. views.OrderBy(v => v.Link.RecordedAt)];
    }

    /// <summary>Places whose name or postcode contains <paramref name="search"/> (all when blank), by name, with how many links to each hold now.</summary>
    public async Task<IReadOnlyList<PlaceSummary>> LocationsAsync(string? search, CancellationToken cancellationToken = default)
    {
        var query = db.Set<ContextualLocation>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            var pattern = "%" + term.Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
            query = query.Where(l => EF.Functions.Like(l.Name.ToUpper(), pattern) || (l.Postcode != null && EF.Functions.Like(l.Postcode, pattern)));
        }

        var today = Today;
        return await query.OrderBy(l => l.Name).Take(500)
            .Select(l => new PlaceSummary(l.Id, l.Name, l.Postcode, l.Type, db.Set<ContextualLink>().Count(k => k.LocationId == l.Id && (k.To == null || k.To >= today))))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Groups by name, with how many links to each hold now.</summary>
    public async Task<IReadOnlyList<PlaceSummary>> GroupsAsync(CancellationToken cancellationToken = default)
    {
        var today = Today;
        return await db.Set<ContextualGroup>().AsNoTracking().OrderBy(g => g.Name).Take(500)
            .Select(g => new PlaceSummary(g.Id, g.Name, null, null, db.Set<ContextualLink>().Count(k => k.GroupId == g.Id && (k.To == null || k.To >= today))))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The network around <paramref name="centreKey"/>: its links, then the links of what it is linked to; people the
    /// actor may not see are left out with their links. At most <see cref="MaxNetworkNodes"/> nodes.
    /// </summary>
    private async Task<ContextualNetwork> NetworkAsync(string centreKey, Actor actor, CancellationToken cancellationToken)
    {
        var first = await TouchingAsync([centreKey], cancellationToken);
        var firstViews = await ViewsAsync(first, actor, cancellationToken);
        var ring1 = firstViews.Select(v => v.Other(centreKey)).DistinctBy(n => n.Key).ToList();
        var second = await TouchingAsync([.. ring1.Select(n => n.Key)], cancellationToken);
        var secondViews = await ViewsAsync([.. second.Where(l => first.All(f => f.Id != l.Id))], actor, cancellationToken);
        var centre = firstViews.Select(v => v.From.Key == centreKey ? v.From : v.To).FirstOrDefault() ?? await NodeAsync(centreKey, cancellationToken);

        var nodes = new List<NetworkNode> { new(centre, 0, null) };
        nodes.AddRange(ring1.OrderBy(n => n.Kind).ThenBy(n => n.Name, StringComparer.Ordinal).Take(MaxNetworkNodes - 1).Select(n => new NetworkNode(n, 1, centreKey)));
        var placed = nodes.Select(n => n.Node.Key).ToHashSet();
        var leftOut = 0;
        foreach (var view in secondViews.OrderBy(v => v.From.Name, StringComparer.Ordinal).ThenBy(v => v.To.Name, StringComparer.Ordinal))
        {
            var (via, other) = placed.Contains(view.From.Key) ? (view.From, view.To) : (view.To, view.From);
            if (placed.Contains(other.Key) || !placed.Contains(via.Key))
            {
                continue;
            }

            if (nodes.Count >= MaxNetworkNodes)
            {
                leftOut++;
                placed.Add(other.Key);
                continue;
            }

            nodes.Add(new NetworkNode(other, 2, via.Key));
            placed.Add(other.Key);
        }

        var drawn = nodes.Select(n => n.Node.Key).ToHashSet();
        var edges = firstViews.Concat(secondViews).Where(v => drawn.Contains(v.From.Key) && drawn.Contains(v.To.Key)).DistinctBy(v => v.Link.Id).ToList();
        return new ContextualNetwork(centre, nodes, edges, leftOut);
    }

    private async Task<NodeRef> NodeAsync(string key, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(key[2..]);
        return key[0] switch
        {
            'l' => new NodeRef(key, NodeKind.Location, id, await db.Set<ContextualLocation>().Where(l => l.Id == id).Select(l => l.Name).FirstAsync(cancellationToken), LocationHref(id)),
            'g' => new NodeRef(key, NodeKind.Group, id, await db.Set<ContextualGroup>().Where(g => g.Id == id).Select(g => g.Name).FirstAsync(cancellationToken), GroupHref(id)),
            _ => await db.People.Where(p => p.Id == id).Select(p => new NodeRef(key, p.Kind == PersonKind.Child ? NodeKind.Child : NodeKind.Adult, id, p.DisplayName, PersonHref(id))).FirstAsync(cancellationToken),
        };
    }

    private async Task<List<ContextualLink>> TouchingAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var personIds = Ids(keys, 'p');
        var locationIds = Ids(keys, 'l');
        var groupIds = Ids(keys, 'g');
        if (keys.Count == 0)
        {
            return [];
        }

        return await db.Set<ContextualLink>().AsNoTracking()
            .Where(l => personIds.Contains(l.PersonId)
                || (l.RelatedPersonId != null && personIds.Contains(l.RelatedPersonId.Value))
                || (l.LocationId != null && locationIds.Contains(l.LocationId.Value))
                || (l.GroupId != null && groupIds.Contains(l.GroupId.Value)))
            .OrderBy(l => l.RecordedAt)
            .Take(2000)
            .ToListAsync(cancellationToken);

        static List<Guid> Ids(IEnumerable<string> keys, char kind) => [.. keys.Where(k => k[0] == kind).Select(k => Guid.Parse(k[2..]))];
    }

    /// <summary>The links with both ends named, leaving out any whose person (either side) the actor may not see.</summary>
    private async Task<List<LinkView>> ViewsAsync(List<ContextualLink> links, Actor actor, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return [];
        }

        var personIds = links.Select(l => l.PersonId).Concat(links.Where(l => l.RelatedPersonId is not null).Select(l => l.RelatedPersonId!.Value)).Distinct().ToList();
        var locationIds = links.Where(l => l.LocationId is not null).Select(l => l.LocationId!.Value).Distinct().ToList();
        var groupIds = links.Where(l => l.GroupId is not null).Select(l => l.GroupId!.Value).Distinct().ToList();
        var persons = await people.Visible(actor).AsNoTracking().Where(p => personIds.Contains(p.Id))
            .Select(p => new { p.Id, p.DisplayName, p.Kind })
            .ToDictionaryAsync(p => p.Id, p => new NodeRef(NodeRef.PersonKey(p.Id), p.Kind == PersonKind.Child ? NodeKind.Child : NodeKind.Adult, p.Id, p.DisplayName, PersonHref(p.Id)), cancellationToken);
        var locations = await db.Set<ContextualLocation>().AsNoTracking().Where(l => locationIds.Contains(l.Id))
            .ToDictionaryAsync(l => l.Id, l => new NodeRef(NodeRef.LocationKey(l.Id), NodeKind.Location, l.Id, l.Name, LocationHref(l.Id)), cancellationToken);
        var groups = await db.Set<ContextualGroup>().AsNoTracking().Where(g => groupIds.Contains(g.Id))
            .ToDictionaryAsync(g => g.Id, g => new NodeRef(NodeRef.GroupKey(g.Id), NodeKind.Group, g.Id, g.Name, GroupHref(g.Id)), cancellationToken);
        var views = new List<LinkView>();
        foreach (var link in links)
        {
            if (!persons.TryGetValue(link.PersonId, out var from))
            {
                continue;
            }

            NodeRef? to = link switch
            {
                { LocationId: { } l } => locations.GetValueOrDefault(l),
                { GroupId: { } g } => groups.GetValueOrDefault(g),
                { RelatedPersonId: { } p } => persons.GetValueOrDefault(p),
                _ => null,
            };
            if (to is not null)
            {
                views.Add(new LinkView(link, from, to));
            }
        }

        return views;
    }

    private async Task AuditAsync(string process, Actor actor, ContextualNetwork network, string detail, CancellationToken cancellationToken)
    {
        using (db.BeginProcess(process, actor))
        {
            foreach (var node in network.Nodes.Where(n => n.Node.Kind is NodeKind.Child or NodeKind.Adult))
            {
                db.RecordAccess(PersonIndex.EntityType, node.Node.Id.ToString(), AuditAction.Viewed, detail);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static IEnumerable<Guid> PersonIds(IEnumerable<LinkView> views) =>
        views.SelectMany(v => new[] { v.From, v.To }).Where(n => n.Kind is NodeKind.Child or NodeKind.Adult).Select(n => n.Id).Distinct();

    public static string PersonHref(Guid id) => $"/people/{id}/contextual";

    public static string LocationHref(Guid id) => $"/contextual/locations/{id}";

    public static string GroupHref(Guid id) => $"/contextual/groups/{id}";
}
