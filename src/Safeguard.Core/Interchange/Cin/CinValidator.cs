using Safeguard.Calendar;
using Safeguard.Interchange.Cin.Rules;

namespace Safeguard.Interchange.Cin;

/// <summary>What a validation run found, beyond the issues themselves (which went to the caller as they were found).</summary>
public sealed record CinValidationSummary(CinCollection Collection, CinHeader Header, long Children, long Errors, long Queries, IReadOnlyDictionary<string, long> IssuesByRule);

/// <summary>
/// Validates a census file against the rules of its collection year: reads it one child at a time, runs every
/// single-child rule on the child, lets the whole-return rules observe it, then drops it. Memory stays flat in
/// the size of the file (whole-return rules keep the set of child ids and UPNs they have seen).
/// </summary>
public sealed class CinValidator(WorkingDayCalendar calendar)
{
    /// <summary>Validates a stream, sending each issue to <paramref name="onIssue"/> as it is found.</summary>
    /// <param name="stream">The census file.</param>
    /// <param name="fileName">The file's name, for messages.</param>
    /// <param name="options">The collection year (null: from the header) and limits.</param>
    /// <param name="onIssue">Receives every issue, structural and rule, in file order (whole-return rules last).</param>
    /// <param name="onChild">Called after each child with the number of bytes read so far, for progress; may be null.</param>
    /// <param name="cancellationToken">Stops between children.</param>
    /// <exception cref="CinUnreadableException">The file cannot be read as a census.</exception>
    /// <exception cref="ArgumentException">The product has no rules for the collection year.</exception>
    public CinValidationSummary Validate(
        Stream stream, string fileName, CinReaderOptions options, Action<CinIssue> onIssue, Action<long>? onChild = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onIssue);
        long errors = 0, queries = 0, children = 0;
        var byRule = new SortedDictionary<string, long>(StringComparer.Ordinal);
        void Count(CinIssue issue)
        {
            if (issue.Severity == CinSeverity.Error)
            {
                errors++;
            }
            else
            {
                queries++;
            }

            byRule[issue.Rule] = byRule.GetValueOrDefault(issue.Rule) + 1;
            onIssue(issue);
        }

        using var reader = new CinCensusReader(stream, fileName, options, Count);
        reader.Open();
        var rules = CinRuleSet.For(reader.Collection.Name);
        var context = new CinRuleContext(reader.Collection, calendar, rules.ReferenceData, Count) { Header = reader.Header };
        var returnRules = rules.CreateReturnRules();
        foreach (var child in reader.ReadChildren())
        {
            cancellationToken.ThrowIfCancellationRequested();
            children++;
            rules.CheckChild(child, context);
            foreach (var rule in returnRules)
            {
                rules.Enter(context, rule.Code, child);
                rule.Observe(child, context);
            }

            onChild?.Invoke(stream.CanSeek ? stream.Position : 0);
        }

        foreach (var rule in returnRules)
        {
            rules.Enter(context, rule.Code, null);
            rule.Complete(context);
        }

        return new CinValidationSummary(reader.Collection, reader.Header, children, errors, queries, byRule);
    }

    /// <summary>Validates a file, collecting the issues (for tests and small files; large files should stream).</summary>
    public (CinValidationSummary Summary, IReadOnlyList<CinIssue> Issues) ValidateFile(string path, CinReaderOptions options, CancellationToken cancellationToken = default)
    {
        var issues = new List<CinIssue>();
        using var stream = File.OpenRead(path);
        var summary = Validate(stream, Path.GetFileName(path), options, issues.Add, null, cancellationToken);
        return (summary, issues);
    }
}
