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
        Stream stream, string fileName, CinReaderOptions options, Action<CinIssue> onIssue, Action<long>? onChild = null, CancellationToken cancellationToken = default) =>
        Run(stream, fileName, options, onIssue, onChild, null, null, cancellationToken);

    /// <summary>
    /// Validates a stream and hands each child on once it has been checked, so that a caller can use the children
    /// (the census import loads them) in the same read of the file. Every issue about a child reaches
    /// <paramref name="onIssue"/> before the child reaches <paramref name="onChecked"/>; whole-return issues come
    /// after the last child.
    /// </summary>
    /// <param name="stream">The census file.</param>
    /// <param name="fileName">The file's name, for messages.</param>
    /// <param name="options">The collection year (null: from the header) and limits.</param>
    /// <param name="onIssue">Receives every issue, as <see cref="Validate(Stream, string, CinReaderOptions, Action{CinIssue}, Action{long}?, CancellationToken)"/> does.</param>
    /// <param name="onOpened">Called once, with the collection and the header, before the first child.</param>
    /// <param name="onChecked">Called with each child after its rules have run, in file order, on the checking thread.</param>
    /// <param name="cancellationToken">Stops between children.</param>
    /// <exception cref="CinUnreadableException">The file cannot be read as a census.</exception>
    /// <exception cref="ArgumentException">The product has no rules for the collection year.</exception>
    public CinValidationSummary Validate(
        Stream stream, string fileName, CinReaderOptions options, Action<CinIssue> onIssue, Action<CinCollection, CinHeader> onOpened, Action<CinChild> onChecked,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(onOpened);
        ArgumentNullException.ThrowIfNull(onChecked);
        return Run(stream, fileName, options, onIssue, null, onOpened, onChecked, cancellationToken);
    }

    private CinValidationSummary Run(
        Stream stream, string fileName, CinReaderOptions options, Action<CinIssue> onIssue, Action<long>? onChild,
        Action<CinCollection, CinHeader>? onOpened, Action<CinChild>? onChecked, CancellationToken cancellationToken)
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

        // The reader's structural issues are held with the child they belong to, so that reading (on this thread)
        // and checking (on a second one) can overlap while issues still come out in file order.
        var pending = new List<CinIssue>();
        using var reader = new CinCensusReader(stream, fileName, options, pending.Add);
        reader.Open();
        var rules = CinRuleSet.For(reader.Collection.Name);
        var context = new CinRuleContext(reader.Collection, calendar, rules.ReferenceData, Count) { Header = reader.Header };
        var returnRules = rules.CreateReturnRules();
        FlushPending(pending, Count);
        onOpened?.Invoke(reader.Collection, reader.Header);

        using var queue = new System.Collections.Concurrent.BlockingCollection<(CinChild? Child, List<CinIssue> Structure, long Position)>(boundedCapacity: 256);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var checker = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    Check();
                }
                catch
                {
                    stop.Cancel();
                    throw;
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        void Check()
        {
            foreach (var (child, structure, position) in queue.GetConsumingEnumerable(stop.Token))
            {
                FlushPending(structure, Count);
                if (child is null)
                {
                    continue;
                }

                children++;
                rules.CheckChild(child, context);
                foreach (var rule in returnRules)
                {
                    rules.Enter(context, rule.Code, child);
                    rule.Observe(child, context);
                }

                onChecked?.Invoke(child);
                onChild?.Invoke(position);
            }
        }

        try
        {
            foreach (var child in reader.ReadChildren())
            {
                queue.Add((child, TakePending(pending), stream.CanSeek ? stream.Position : 0), stop.Token);
            }

            queue.Add((null, TakePending(pending), 0), stop.Token);
        }
        catch (OperationCanceledException) when (checker.IsFaulted || (!cancellationToken.IsCancellationRequested && stop.IsCancellationRequested))
        {
            // The checker failed: its exception is the one to report.
        }
        finally
        {
            queue.CompleteAdding();
        }

        checker.GetAwaiter().GetResult();
        cancellationToken.ThrowIfCancellationRequested();

        foreach (var rule in returnRules)
        {
            rules.Enter(context, rule.Code, null);
            rule.Complete(context);
        }

        return new CinValidationSummary(reader.Collection, reader.Header, children, errors, queries, byRule);
    }

    // Shared by every child without structural issues; never added to (FlushPending clears it, which is a no-op).
    private static readonly List<CinIssue> NoIssues = [];

    private static List<CinIssue> TakePending(List<CinIssue> pending)
    {
        if (pending.Count == 0)
        {
            return NoIssues;
        }

        var taken = new List<CinIssue>(pending);
        pending.Clear();
        return taken;
    }

    private static void FlushPending(List<CinIssue> pending, Action<CinIssue> sink)
    {
        if (pending.Count == 0)
        {
            return;
        }

        foreach (var issue in pending)
        {
            sink(issue);
        }

        pending.Clear();
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
