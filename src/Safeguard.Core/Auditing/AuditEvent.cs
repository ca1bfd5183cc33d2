namespace Safeguard.Auditing;

/// <summary>
/// One entry in the append-only audit trail: a change to a record (with the record before and after) or a
/// read of a child-level record. Entries are chained: <see cref="Hash"/> covers this entry's content and the
/// previous entry's hash, so removing or editing any entry breaks the chain from that point on.
/// </summary>
public sealed class AuditEvent
{
    public const int MaxNameLength = 200;
    public const int MaxActorNameLength = 256;
    public const int MaxReasonLength = 2000;

    /// <summary>Position in the chain, from 1, with no gaps.</summary>
    public long Sequence { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public AuditEventKind Kind { get; set; }

    public required string Process { get; set; }

    public Guid? ActorUserId { get; set; }

    public required string ActorName { get; set; }

    public Guid? ActorAgencyId { get; set; }

    public string? Reason { get; set; }

    public required string EntityType { get; set; }

    public required string EntityId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>The record's fields before the change, as JSON; null for a new record or a read.</summary>
    public string? Before { get; set; }

    /// <summary>The record's fields after the change, as JSON; null for a deleted record or a read.</summary>
    public string? After { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }
}

public enum AuditEventKind
{
    Change,
    Access,
}

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
    Viewed,
    Searched,
    Exported,
}
