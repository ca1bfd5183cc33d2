namespace Safeguard.Common;

/// <summary>
/// A record Safeguard keeps. Identifiers are made by the application (time-ordered GUIDs) so a change can
/// be audited, with the record's id, before the database has seen it. <see cref="Version"/> is the
/// optimistic concurrency token: it goes up by one on every save, and a save made from an older version
/// is refused rather than overwriting someone else's change.
/// </summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public int Version { get; set; }
}
