using System.Runtime.ExceptionServices;
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
        CancellationToken cancellationToken = default) =>
        Validate(files, collection, reference, onIssue, onRead, inParallel: true, cancellationToken);

    /// <summary>Validates the files, running the rules on the machine's cores when <paramref name="inParallel"/> and the return is large enough.</summary>
    internal static Ssda903ValidationSummary Validate(
        IEnumerable<Ssda903File> files, CinCollection collection, Ssda903ReferenceData? reference, Action<Ssda903Issue> onIssue, Action<Ssda903Return>? onRead,
        bool inParallel, CancellationToken cancellationToken)
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

        var data = new Ssda903Reader(Count) { InParallel = inParallel }.Read(files, cancellationToken);
        reference ??= Ssda903ReferenceData.None;
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
            rows += child.Headers.Count + child.Episodes.Count + child.Reviews.Count + child.Uasc.Count + child.Oc2.Count + child.Oc3.Count + child.Ad1.Count
                + child.PlacedAdoption.Count + child.PrevPerm.Count + child.Missing.Count + child.SocialWorker.Count + child.HeadersLast.Count + child.EpisodesLast.Count
                + child.UascLast.Count + child.PlacedAdoptionLast.Count + child.MissingLast.Count + child.SocialWorkerLast.Count;
        }

        if (!inParallel || Environment.ProcessorCount < 2 || data.Children.Count < 2 * ChildrenPerBatch)
        {
            var context = new Ssda903RuleContext(collection, data, Count, reference);
            Check(data.Children, 0, data.Children.Count, runnable, definitions, context, cancellationToken);
        }
        else
        {
            CheckInParallel(data, collection, reference, runnable, definitions, Count, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        onRead?.Invoke(data);
        IReadOnlyList<Ssda903RuleDefinition> notChecked = [.. rules.Definitions.Where(d => reasons.ContainsKey(d.Code) || rules.NotImplemented.Contains(d))];
        return new Ssda903ValidationSummary(collection, data.Children.Count, rows, errors, byRule, notChecked, runnable.Length, rules.Definitions.Count, data.Files)
        {
            NotCheckedReasons = reasons,
        };
    }

    /// <summary>Children checked together by one thread when the rules run in parallel.</summary>
    private const int ChildrenPerBatch = 512;

    /// <summary>Runs every rule on the children from <paramref name="start"/> (inclusive) to <paramref name="end"/>, in order.</summary>
    private static void Check(
        IReadOnlyList<Ssda903Child> children, int start, int end, Ssda903Rule[] runnable, Ssda903RuleDefinition[] definitions, Ssda903RuleContext context,
        CancellationToken cancellationToken)
    {
        context.Use(definitions);
        var checks = Array.ConvertAll(runnable, r => r.Check);
        for (var c = start; c < end; c++)
        {
            if ((c & 0xFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var child = children[c];
            context.Enter(child);
            for (var i = 0; i < checks.Length; i++)
            {
                context.Rule = i;
                checks[i](child, context);
            }
        }
    }

    /// <summary>
    /// Runs the rules on the machine's cores: the children are cut into batches of <see cref="ChildrenPerBatch"/>, a
    /// few batches at a time are checked in parallel (each with its own context and list of issues), and then their
    /// issues go to <paramref name="report"/> batch by batch, so the caller sees the issues in the same order as a
    /// run on one thread, and no more than a few batches' issues are held at once.
    /// </summary>
    private static void CheckInParallel(
        Ssda903Return data, CinCollection collection, Ssda903ReferenceData reference, Ssda903Rule[] runnable, Ssda903RuleDefinition[] definitions,
        Action<Ssda903Issue> report, CancellationToken cancellationToken)
    {
        var children = data.Children;
        var batches = (children.Count + ChildrenPerBatch - 1) / ChildrenPerBatch;
        var together = Math.Min(Environment.ProcessorCount, 8) * 4;
        var found = new List<Ssda903Issue>[together];
        for (var i = 0; i < together; i++)
        {
            found[i] = [];
        }

        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        for (var first = 0; first < batches; first += together)
        {
            var count = Math.Min(together, batches - first);
            try
            {
                Parallel.For(0, count, options, b =>
                {
                    var issues = found[b];
                    issues.Clear();
                    var context = new Ssda903RuleContext(collection, data, issues.Add, reference);
                    var start = (first + b) * ChildrenPerBatch;
                    Check(children, start, Math.Min(start + ChildrenPerBatch, children.Count), runnable, definitions, context, cancellationToken);
                });
            }
            catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
            {
                // As a run on one thread would have thrown it.
                ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
            }

            for (var b = 0; b < count; b++)
            {
                foreach (var issue in found[b])
                {
                    report(issue);
                }
            }
        }
    }

    /// <summary>Validates files, collecting the issues (for tests and small returns).</summary>
    public static (Ssda903ValidationSummary Summary, IReadOnlyList<Ssda903Issue> Issues) Validate(IEnumerable<Ssda903File> files, CinCollection collection, Ssda903ReferenceData? reference = null)
    {
        var issues = new List<Ssda903Issue>();
        var summary = Validate(files, collection, reference, issues.Add);
        return (summary, issues);
    }
}
