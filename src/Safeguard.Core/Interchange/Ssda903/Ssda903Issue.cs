namespace Safeguard.Interchange.Ssda903;

/// <summary>
/// One problem found in a return: a DfE rule that fired (<see cref="Rule"/> is its code, for example 142 or INT01)
/// or a problem with a file's structure found while reading (<see cref="Rule"/> is <see cref="StructureRule"/>).
/// <see cref="Table"/> is the table the row belongs to (Header, Episodes ...), <see cref="File"/> the file it was read
/// from and <see cref="Line"/> its line there (the header row is line 1); <see cref="ChildId"/> is null when the
/// issue is about a file rather than a child.
/// </summary>
public sealed record Ssda903Issue(string Rule, string Message, string? Table, string? File, int? Line, string? ChildId, IReadOnlyList<string> Fields) : IInterchangeIssue
{
    /// <summary>The rule code of problems the reader finds in a file's structure.</summary>
    public const string StructureRule = "schema";

    /// <summary>How summaries describe the structural problems as a group.</summary>
    public const string StructureSummary = "A file does not follow the SSDA903 schema (see each issue)";

    /// <summary>Every SSDA903 rule is an error: DfE's list for the return gives no queries.</summary>
    public string SeverityText => "ERROR";

    public string SummaryMessage => Rule == StructureRule ? StructureSummary : Message;
}

/// <summary>Files that cannot be read as a return at all: missing, not CSV, no table recognised, the same table twice.</summary>
public sealed class Ssda903UnreadableException : Exception
{
    public Ssda903UnreadableException()
    {
    }

    public Ssda903UnreadableException(string message)
        : base(message)
    {
    }

    public Ssda903UnreadableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
