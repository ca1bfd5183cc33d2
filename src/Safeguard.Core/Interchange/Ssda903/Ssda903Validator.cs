using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903.Rules;

namespace Safeguard.Interchange.Ssda903;

/// <summary>What a validation run found, beyond the issues themselves (which went to the caller as they were found).</summary>
public sealed record Ssda903ValidationSummary(
    CinCollection Collection, long Children, long Rows, long Errors, IReadOnlyDictionary<string, long> IssuesByRule, IReadOnlyList<Ssda903RuleDefinition> NotImplemented,
    int Implemented, int Listed, IReadOnlyDictionary<Ssda903Table, string> Files)
{
    /// <summary>Rules not run for want of reference data (they are also in <see cref="NotImplemented"/>), with the reason.</summary>
    public IReadOnlyDictionary<string, string> NotCheckedReasons { get; init; } = new Dictionary<string, string>();

    public IssueReportTotals Totals => new(Collection.Name, Children, Errors, 0, [.. NotImplemented.Select(r => (r.Code, NotCheckedReasons.TryGetValue(r.Code, out var why) ? $"Not checked: {why}. {r.Message}" : r.Message))]);
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
        Validate(files, collection, Ssda903ReferenceData.None, onIssue, null, cancellationToken);

    /// <summary>Validates the files with reference data (postcodes, providers, the returning authority), sending each issue to <paramref name="onIssue"/>.</summary>
    /// <remarks>Rules that need reference data not in <paramref name="reference"/> are not run and are reported as not checked, with the reason.</remarks>
    /// <exception cref="Ssda903UnreadableException">No file is a table of the return, or a file cannot be opened.</exception>
    public static Ssda903ValidationSummary Validate(
        IEnumerable<Ssda903File> files, CinCollection collection, Ssda903ReferenceData? reference, Action<Ssda903Issue> onIssue, CancellationToken cancellationToken = default) =>
        Validate(files, collection, reference, onIssue, null, cancellationToken);

    /// <summary>
    /// Validates the return as <see cref="Validate(IEnumerable{Ssda903File}, CinCollection, Ssda903ReferenceData?, Action{Ssda903Issue}, CancellationToken)"/>
    /// does and hands the return as read (every table, by child) to <paramref name="onRead"/> once every rule has run:
    /// what an import loads, so the files are read once.
    /// </summary>
    /// <exception cref="Ssda903UnreadableException">No file is a table of the return, or a file cannot be opened.</exception>
    public static Ssda903ValidationSummary Validate(
        IEnumerable<Ssda903File> files, CinCollection collection, Ssda903ReferenceData? reference, Action<Ssda903Issue> onIssue, Action<Ssda903Return>? onRead,
        CancellationToken cancellationToken = default)
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
        reference ??= Ssda903ReferenceData.None;
        var context = new Ssda903RuleContext(collection, data, Count, reference);
        var reasons = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in rules.Rules)
        {
            if (rule.Unmet(reference.Given) is { } why)
            {
                reasons[rule.Code] = why;
            }
        }

        var runnable = rules.Rules.Where(r => !reasons.ContainsKey(r.Code)).ToArray();
        var definitions = runnable.Select(r => rules.DefinitionsByCode[r.Code]).ToArray();
        long rows = 0;
        foreach (var child in data.Children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rows += child.Headers.Count + child.Episodes.Count + child.Reviews.Count + child.Uasc.Count + child.Oc2.Count + child.Oc3.Count + child.Ad1.Count
                + child.PlacedAdoption.Count + child.PrevPerm.Count + child.Missing.Count + child.SocialWorker.Count + child.HeadersLast.Count + child.EpisodesLast.Count
                + child.UascLast.Count + child.PlacedAdoptionLast.Count + child.MissingLast.Count + child.SocialWorkerLast.Count;
            for (var i = 0; i < definitions.Length; i++)
            {
                context.Enter(definitions[i], child);
                runnable[i].Check(child, context);
            }
        }

        onRead?.Invoke(data);
        IReadOnlyList<Ssda903RuleDefinition> notChecked = [.. rules.Definitions.Where(d => reasons.ContainsKey(d.Code) || rules.NotImplemented.Contains(d))];
        return new Ssda903ValidationSummary(collection, data.Children.Count, rows, errors, byRule, notChecked, runnable.Length, rules.Definitions.Count, data.Files)
        {
            NotCheckedReasons = reasons,
        };
    }

    /// <summary>Validates files, collecting the issues (for tests and small returns).</summary>
    public static (Ssda903ValidationSummary Summary, IReadOnlyList<Ssda903Issue> Issues) Validate(IEnumerable<Ssda903File> files, CinCollection collection, Ssda903ReferenceData? reference = null)
    {
        var issues = new List<Ssda903Issue>();
        var summary = Validate(files, collection, reference, issues.Add);
        return (summary, issues);
    }
}
