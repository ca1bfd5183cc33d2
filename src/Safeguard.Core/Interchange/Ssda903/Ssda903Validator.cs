using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903.Rules;

namespace Safeguard.Interchange.Ssda903;

/// <summary>What a validation run found, beyond the issues themselves (which went to the caller as they were found).</summary>
public sealed record Ssda903ValidationSummary(
    CinCollection Collection, long Children, long Rows, long Errors, IReadOnlyDictionary<string, long> IssuesByRule, IReadOnlyList<Ssda903RuleDefinition> NotImplemented,
    int Implemented, int Listed, IReadOnlyDictionary<Ssda903Table, string> Files)
{
    public IssueReportTotals Totals => new(Collection.Name, Children, Errors, 0, [.. NotImplemented.Select(r => (r.Code, r.Message))]);
}

/// <summary>
/// Validates an SSDA903 return: reads its tables (<see cref="Ssda903Reader"/>) into one index by child, then runs
/// every rule of the collection year on each child in turn. Every rule looks only at one child's rows, so a run is
/// linear in the size of the return; issues go to the caller as they are found, child by child.
/// </summary>
public static class Ssda903Validator
{
    /// <summary>Validates the files against the rules of <paramref name="collection"/>, sending each issue to <paramref name="onIssue"/>.</summary>
    /// <exception cref="Ssda903UnreadableException">No file is a table of the return, or a file cannot be opened.</exception>
    /// <exception cref="ArgumentException">The product has no rules for the collection year.</exception>
    public static Ssda903ValidationSummary Validate(IEnumerable<Ssda903File> files, CinCollection collection, Action<Ssda903Issue> onIssue, CancellationToken cancellationToken = default) =>
        Validate(files, collection, onIssue, null, cancellationToken);

    /// <summary>
    /// Validates the return as <see cref="Validate(IEnumerable{Ssda903File}, CinCollection, Action{Ssda903Issue}, CancellationToken)"/>
    /// does and hands the return as read (every table, by child) to <paramref name="onRead"/> once every rule has run:
    /// what an import loads, so the files are read once.
    /// </summary>
    public static Ssda903ValidationSummary Validate(
        IEnumerable<Ssda903File> files, CinCollection collection, Action<Ssda903Issue> onIssue, Action<Ssda903Return>? onRead, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(onIssue);
        var rules = Ssda903RuleSet.For(collection.Name);
        long errors = 0;
        var byRule = new SortedDictionary<string, long>(StringComparer.Ordinal);
        void Count(Ssda903Issue issue)
        {
            errors++;
            byRule[issue.Rule] = byRule.GetValueOrDefault(issue.Rule) + 1;
            onIssue(issue);
        }

        var data = new Ssda903Reader(Count).Read(files, cancellationToken);
        var context = new Ssda903RuleContext(collection, data, Count);
        var definitions = rules.Rules.Select(r => rules.DefinitionsByCode[r.Code]).ToArray();
        long rows = 0;
        foreach (var child in data.Children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows += child.Headers.Count + child.Episodes.Count + child.Reviews.Count + child.Uasc.Count + child.Oc2.Count + child.Oc3.Count + child.Ad1.Count
                + child.PlacedAdoption.Count + child.PrevPerm.Count + child.Missing.Count + child.SocialWorker.Count + child.HeadersLast.Count + child.EpisodesLast.Count;
            for (var i = 0; i < definitions.Length; i++)
            {
                context.Enter(definitions[i], child);
                rules.Rules[i].Check(child, context);
            }
        }

        onRead?.Invoke(data);
        return new Ssda903ValidationSummary(collection, data.Children.Count, rows, errors, byRule, rules.NotImplemented, rules.Rules.Count, rules.Definitions.Count, data.Files);
    }

    /// <summary>Validates files, collecting the issues (for tests and small returns).</summary>
    public static (Ssda903ValidationSummary Summary, IReadOnlyList<Ssda903Issue> Issues) Validate(IEnumerable<Ssda903File> files, CinCollection collection)
    {
        var issues = new List<Ssda903Issue>();
        var summary = Validate(files, collection, issues.Add);
        return (summary, issues);
    }
}
