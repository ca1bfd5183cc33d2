using Safeguard.Common;

namespace Safeguard.Timescales;

/// <summary>The local area's own duration for a timescale the catalogue marks as locally changeable.</summary>
public sealed class LocalTimescale : Entity
{
    public required string RuleId { get; set; }

    public int Duration { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
