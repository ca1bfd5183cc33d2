namespace Safeguard.ComplexSafeguarding;

/// <summary>A place as entered: every field is checked.</summary>
public sealed record LocationDetails
{
    public string? Name { get; init; }

    public LocationType? Type { get; init; }

    public string? Postcode { get; init; }

    public string? Description { get; init; }
}

/// <summary>A group as entered.</summary>
public sealed record GroupDetails
{
    public string? Name { get; init; }

    public string? Description { get; init; }
}

/// <summary>
/// A link as entered: from <see cref="PersonId"/> to exactly one of a place, a person or a group. On a change the
/// person and what the link is to stay as they were; the rest is replaced.
/// </summary>
public sealed record LinkDetails
{
    public Guid PersonId { get; init; }

    public Guid? LocationId { get; init; }

    public Guid? RelatedPersonId { get; init; }

    public Guid? GroupId { get; init; }

    public ContextualRelationship? Relationship { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? Source { get; init; }

    public string? Notes { get; init; }

    public Guid? MissingEpisodeId { get; init; }
}

/// <summary>What a node of the network stands for.</summary>
public enum NodeKind
{
    Child,
    Adult,
    Location,
    Group,
}

/// <summary>
/// One end of a link as a reader may see it: a person, a place or a group, its name and its page. Its key is "p:",
/// "l:" or "g:" and the id: unique across the three.
/// </summary>
public sealed record NodeRef(string Key, NodeKind Kind, Guid Id, string Name, string Href)
{
    public static string PersonKey(Guid id) => "p:" + id;

    public static string LocationKey(Guid id) => "l:" + id;

    public static string GroupKey(Guid id) => "g:" + id;
}

/// <summary>A link with both its ends named.</summary>
public sealed record LinkView(ContextualLink Link, NodeRef From, NodeRef To)
{
    public bool IsCurrent(DateOnly today) => Link.To is not { } to || to >= today;

    /// <summary>The end that is not <paramref name="key"/> (for a list of one record's links).</summary>
    public NodeRef Other(string key) => From.Key == key ? To : From;
}

/// <summary>A node placed on the network picture: the centre (ring 0), linked to it (ring 1), or linked to one of those (ring 2).</summary>
public sealed record NetworkNode(NodeRef Node, int Ring, string? ViaKey);

/// <summary>
/// The network around one record: it, what it is linked to, and what those are linked to, capped at
/// <see cref="ContextualService.MaxNetworkNodes"/> nodes; records the reader may not see are left out.
/// </summary>
/// <param name="Centre">The record the network is drawn around.</param>
/// <param name="Nodes">The centre, then the first ring, then the second.</param>
/// <param name="Edges">Every link between two nodes drawn.</param>
/// <param name="LeftOut">Nodes of the second ring not drawn because of the cap.</param>
public sealed record ContextualNetwork(NodeRef Centre, IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<LinkView> Edges, int LeftOut);

/// <summary>A person's links, newest first, and their network.</summary>
public sealed record PersonLinksView(Guid PersonId, string Name, bool IsChild, int Version, IReadOnlyList<LinkView> Links, ContextualNetwork Network);

/// <summary>A place, the people linked to it and its network.</summary>
public sealed record LocationView(ContextualLocation Location, IReadOnlyList<LinkView> Links, ContextualNetwork Network);

/// <summary>A group, its members and others linked, and its network.</summary>
public sealed record GroupView(ContextualGroup Group, IReadOnlyList<LinkView> Links, ContextualNetwork Network);

/// <summary>A place or group on a list, with how many people are linked to it now.</summary>
public sealed record PlaceSummary(Guid Id, string Name, string? Postcode, LocationType? Type, int CurrentLinks);

/// <summary>The words pages use for contextual safeguarding's codes.</summary>
public static class ContextualText
{
    public static string Describe(LocationType type) => type switch
    {
        LocationType.Address => "Address",
        LocationType.Park => "Park or open space",
        LocationType.Shop => "Shop or takeaway",
        LocationType.TransportHub => "Transport hub",
        LocationType.School => "School or college",
        LocationType.LicensedPremises => "Licensed premises",
        LocationType.OnlineSpace => "Online space",
        LocationType.Other => "Somewhere else",
        _ => type.ToString(),
    };

    public static string Describe(ContextualRelationship relationship) => relationship switch
    {
        ContextualRelationship.Frequents => "Spends time there",
        ContextualRelationship.FoundThere => "Found there when missing",
        ContextualRelationship.StaysThere => "Lives or stays there",
        ContextualRelationship.IncidentThere => "Harmed or exploited there",
        ContextualRelationship.Peer => "Peer or friend",
        ContextualRelationship.Associate => "Associate",
        ContextualRelationship.AdultOfConcern => "Adult of concern",
        ContextualRelationship.Partner => "Boyfriend or girlfriend",
        ContextualRelationship.Member => "Member",
        ContextualRelationship.AssociatedWith => "Associated with the group",
        _ => relationship.ToString(),
    };

    /// <summary>What a relationship links to.</summary>
    public static ContextualTarget TargetOf(ContextualRelationship relationship) => relationship switch
    {
        ContextualRelationship.Frequents or ContextualRelationship.FoundThere or ContextualRelationship.StaysThere or ContextualRelationship.IncidentThere => ContextualTarget.Location,
        ContextualRelationship.Member or ContextualRelationship.AssociatedWith => ContextualTarget.Group,
        _ => ContextualTarget.Person,
    };

    public static IEnumerable<ContextualRelationship> For(ContextualTarget target) =>
        Enum.GetValues<ContextualRelationship>().Where(r => TargetOf(r) == target);
}
