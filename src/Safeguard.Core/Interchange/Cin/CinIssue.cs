namespace Safeguard.Interchange.Cin;

/// <summary>How serious a census issue is: an error must be fixed; a query must be fixed or explained to DfE.</summary>
public enum CinSeverity
{
    Error,
    Query,
}

/// <summary>
/// One problem found in a census: a DfE rule that fired (<see cref="Rule"/> is its code, for example 8565 or
/// 1560Q) or a structural problem found while reading (<see cref="Rule"/> is <see cref="StructureRule"/>).
/// <see cref="ChildId"/> is null for whole-return rules; <see cref="Line"/> is null when the issue has no place
/// in a file.
/// </summary>
public sealed record CinIssue(string Rule, CinSeverity Severity, string Message, string? ChildId, IReadOnlyList<string> Fields, int? Line) : IInterchangeIssue
{
    /// <summary>The rule code of problems the reader finds in the file's structure, as a schema validator would.</summary>
    public const string StructureRule = "schema";

    /// <summary>How summaries describe the structural problems as a group.</summary>
    public const string StructureSummary = "The file's structure does not follow the census schema (see each issue)";

    public string SeverityText => Severity == CinSeverity.Error ? "ERROR" : "QUERY";

    public string SummaryMessage => Rule == StructureRule ? StructureSummary : Message;

    /// <summary>A census is one XML file: no table.</summary>
    public string? Table => null;
}

/// <summary>A census file that cannot be read at all: not XML, cut short, not a census, badly encoded.</summary>
public sealed class CinUnreadableException : Exception
{
    public CinUnreadableException()
    {
    }

    public CinUnreadableException(string message)
        : base(message)
    {
    }

    public CinUnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The line where reading stopped, when known.</summary>
    public int? Line { get; init; }
}
