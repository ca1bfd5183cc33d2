namespace Safeguard.Timescales;

/// <summary>A timescale id that is not in the catalogue. The message names the id and lists the known ones.</summary>
public sealed class UnknownTimescaleRuleException : ArgumentException
{
    public UnknownTimescaleRuleException()
    {
    }

    public UnknownTimescaleRuleException(string message)
        : base(message)
    {
    }

    public UnknownTimescaleRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal UnknownTimescaleRuleException(string ruleId, IEnumerable<string> knownIds)
        : base($"There is no timescale '{ruleId}'. Known timescales: {string.Join(", ", knownIds)}.")
    {
        RuleId = ruleId;
    }

    /// <summary>The id that was asked for.</summary>
    public string? RuleId { get; }
}

/// <summary>A local override the catalogue refuses: a statutory timescale, a duration below 1, or a repeat.</summary>
public sealed class InvalidTimescaleOverrideException : ArgumentException
{
    public InvalidTimescaleOverrideException()
    {
    }

    public InvalidTimescaleOverrideException(string message)
        : base(message)
    {
    }

    public InvalidTimescaleOverrideException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
