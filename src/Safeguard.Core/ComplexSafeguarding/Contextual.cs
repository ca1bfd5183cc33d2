using Safeguard.Common;

namespace Safeguard.ComplexSafeguarding;

/// <summary>
/// A place that matters to children's safety outside the home (contextual safeguarding): a park, a shop, a transport
/// hub, an address, a school or an online space; with its postcode where it has one.
/// </summary>
public sealed class ContextualLocation : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    public required string Name { get; set; }

    public LocationType Type { get; set; }

    /// <summary>The UK postcode, normalised; null for an online space or a place with none.</summary>
    public string? Postcode { get; set; }

    /// <summary>What is known of the place: why it is of concern, opening times, who goes there.</summary>
    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedByName { get; set; }
}

/// <summary>A named group of young people or adults (a peer group, a gang, an organised crime group) with its members as links.</summary>
public sealed class ContextualGroup : Entity
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 4000;

    public required string Name { get; set; }

    public string? Description { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedByName { get; set; }
}

/// <summary>
/// A link from a person to a place, to another person or to a group: what the relationship is, when it held, where the
/// information came from, and (where it was learned from one) the missing episode. Exactly one of
/// <see cref="LocationId"/>, <see cref="RelatedPersonId"/> and <see cref="GroupId"/> is set. Links to another person
/// are recorded from a child's record.
/// </summary>
public sealed class ContextualLink : Entity
{
    public const int MaxSourceLength = 200;
    public const int MaxTextLength = 4000;

    /// <summary>The person the link is from: a child (or, for a place or a group, an adult of concern).</summary>
    public Guid PersonId { get; set; }

    public Guid? LocationId { get; set; }

    public Guid? RelatedPersonId { get; set; }

    public Guid? GroupId { get; set; }

    public ContextualRelationship Relationship { get; set; }

    public DateOnly? From { get; set; }

    /// <summary>When the link ended (no longer goes there, no longer in contact); null while it holds.</summary>
    public DateOnly? To { get; set; }

    /// <summary>Where the information came from: a return home interview, police intelligence, a school, the child.</summary>
    public required string Source { get; set; }

    public string? Notes { get; set; }

    /// <summary>The missing episode the link was learned from (where found, with whom), when it was.</summary>
    public Guid? MissingEpisodeId { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public required string RecordedByName { get; set; }

    public ContextualTarget Target => LocationId is not null ? ContextualTarget.Location : RelatedPersonId is not null ? ContextualTarget.Person : ContextualTarget.Group;
}

/// <summary>What a link is to.</summary>
public enum ContextualTarget
{
    Location,
    Person,
    Group,
}

/// <summary>The kinds of place.</summary>
public enum LocationType
{
    Address,
    Park,
    Shop,
    TransportHub,
    School,
    LicensedPremises,
    OnlineSpace,
    Other,
}

/// <summary>How a person is linked: to a place (the first four), to another person (the next four) or to a group (the last two).</summary>
public enum ContextualRelationship
{
    /// <summary>Spends time there.</summary>
    Frequents,

    /// <summary>Was found there when missing.</summary>
    FoundThere,

    /// <summary>Lives or stays there.</summary>
    StaysThere,

    /// <summary>An incident of harm or exploitation happened there.</summary>
    IncidentThere,

    /// <summary>A friend or peer of about their age.</summary>
    Peer,

    /// <summary>Someone they spend time with (older, or of unknown age).</summary>
    Associate,

    /// <summary>An adult believed to pose a risk to them.</summary>
    AdultOfConcern,

    /// <summary>A boyfriend or girlfriend.</summary>
    Partner,

    /// <summary>A member of the group.</summary>
    Member,

    /// <summary>Associates with the group without being a member.</summary>
    AssociatedWith,
}
