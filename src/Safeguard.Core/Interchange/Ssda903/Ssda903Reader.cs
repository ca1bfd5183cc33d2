using System.Globalization;
using System.Runtime.ExceptionServices;

namespace Safeguard.Interchange.Ssda903;

/// <summary>A file to read: its name (for messages) and a way to open it; <see cref="LastYear"/> for last year's tables (header, episodes, UASC, placed for adoption, missing, social worker episodes).</summary>
public sealed record Ssda903File(string Name, Func<Stream> Open, bool LastYear = false)
{
    public static Ssda903File FromPath(string path, bool lastYear = false) =>
        new(Path.GetFileName(path), () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), lastYear);

    /// <summary>The CSV files of a folder (or the file itself), in name order.</summary>
    public static IEnumerable<Ssda903File> FromPaths(IEnumerable<string> paths, bool lastYear = false)
    {
        ArgumentNullException.ThrowIfNull(paths);
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.csv").Order(StringComparer.Ordinal))
                {
                    yield return FromPath(file, lastYear);
                }
            }
            else if (File.Exists(path))
            {
                yield return FromPath(path, lastYear);
            }
            else
            {
                throw new Ssda903UnreadableException($"{path}: no such file or folder.");
            }
        }
    }
}

/// <summary>
/// Reads the CSV tables of an SSDA903 return. Each file's table is recognised by its header row (the columns of
/// the schema, in any order); each row is streamed, its values parsed to their types (dates dd/mm/yyyy, codes,
/// whole numbers) and filed under its child, so nothing of the raw text is kept. Problems are reported as
/// <see cref="Ssda903Issue.StructureRule"/> issues naming file, line, column and what is wrong: a file whose
/// table is not recognised, a missing or unknown column, the same table given twice, a blank child id, a bad
/// date or code in a column no DfE rule checks. Values that a DfE rule checks (143 "reason for new episode code
/// is not valid") are kept as written for the rule to report.
/// </summary>
public sealed class Ssda903Reader
{
    /// <summary>Below this many bytes of rows in all, the files are parsed one after another on the calling thread.</summary>
    private const long ParallelFromBytes = 256 * 1024;

    private readonly Action<Ssda903Issue> _report;

    /// <summary>Creates a reader that sends the problems it finds in the files' structure to <paramref name="report"/>.</summary>
    public Ssda903Reader(Action<Ssda903Issue> report)
    {
        _report = report;
    }

    /// <summary>Whether the files of a large return may be parsed on several threads at once (the result is the same either way).</summary>
    internal bool InParallel { get; init; } = true;

    /// <summary>Reads every file into one return.</summary>
    /// <remarks>
    /// The header rows are read first, file after file; then the files' rows are parsed, the larger files first and,
    /// for a large return on a machine with more than one core, several files at once; then each file's problems
    /// and rows are handed on in the order the files were given.
    /// </remarks>
    /// <exception cref="Ssda903UnreadableException">A file cannot be opened, or none of the files is a table of the return.</exception>
    public Ssda903Return Read(IEnumerable<Ssda903File> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var result = new Ssda903Return();
        var reads = new List<Ssda903TableRead>();
        try
        {
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Stream stream;
                try
                {
                    stream = file.Open();
                }
                catch (IOException ex)
                {
                    throw new Ssda903UnreadableException($"{file.Name}: cannot be read ({ex.Message}).", ex);
                }

                var read = new Ssda903TableRead(file, stream);
                reads.Add(read);
                read.ReadHeader(result);
            }

            ReadRows([.. reads.Where(r => r.HasRows)], cancellationToken);
            foreach (var read in reads)
            {
                read.HandOn(result, _report);
            }
        }
        finally
        {
            foreach (var read in reads)
            {
                read.Dispose();
            }
        }

        if (reads.Count == 0 || result.Files.Count == 0)
        {
            throw new Ssda903UnreadableException(reads.Count > 0
                ? "None of the files is a table of the SSDA903 return: each file's first row must name the table's columns (for example CHILD,DECOM,RNE,LS,... for episodes)."
                : "No files were given.");
        }

        result.Complete();
        return result;
    }

    /// <summary>Parses the files' rows: on the calling thread, or the larger files first on as many threads as there are cores.</summary>
    private void ReadRows(List<Ssda903TableRead> reads, CancellationToken cancellationToken)
    {
        var threads = Math.Min(Environment.ProcessorCount, reads.Count);
        if (!InParallel || threads < 2 || reads.Sum(r => r.Size) < ParallelFromBytes)
        {
            foreach (var read in reads)
            {
                read.ReadRows(cancellationToken);
            }

            return;
        }

        var largestFirst = reads.OrderByDescending(r => r.Size).ToArray();
        var next = -1;
        try
        {
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, _ =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < largestFirst.Length)
                {
                    largestFirst[index].ReadRows(cancellationToken);
                }
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
    }

    /// <summary>The table whose columns the header row names: all of them (exactly, or with unknown extra columns), else the closest.</summary>
    internal static Ssda903TableDefinition? Recognise(List<string> columns, bool lastYear)
    {
        var candidates = lastYear
            ? Ssda903Schema.LastYearTables
            : Ssda903Schema.CurrentTables;
        Ssda903TableDefinition? best = null;
        var bestScore = 0.0;
        foreach (var table in candidates)
        {
            var matched = table.Columns.Count(c => columns.Contains(c.Name, StringComparer.Ordinal));
            var unknown = columns.Count(c => !table.Index.ContainsKey(c));

            // Share of the table's columns present, less a little for each column the table does not have.
            var score = (double)matched / table.Columns.Count - (0.01 * unknown);
            if (score > bestScore)
            {
                bestScore = score;
                best = table;
            }
        }

        // At least the child id and most of the table's columns: otherwise it is some other file.
        return bestScore >= 0.6 && best is not null && columns.Contains("CHILD", StringComparer.Ordinal) ? best : null;
    }

    /// <summary>A problem with a file's structure, named by file and line.</summary>
    internal static Ssda903Issue StructureIssue(string file, string? table, int? line, string? child, string message, params string[] fields) =>
        new(Ssda903Issue.StructureRule, $"{file}{(line is { } l ? $" line {l}" : "")}: {message}", table, file, line, child, fields);

    /// <summary>Parses a dd/mm/yyyy date (one or two digit day and month), as the schema writes them.</summary>
    public static DateOnly? ParseDate(string? text) => text is null ? null : ParseDate(text.AsSpan());

    /// <summary>Parses a dd/mm/yyyy date (one or two digit day and month), as the schema writes them.</summary>
    public static DateOnly? ParseDate(ReadOnlySpan<char> text)
    {
        // The usual form, dd/mm/yyyy with two-digit day and month, read directly: what TryParseExact gives for it.
        if (text.Length == 10 && text[2] == '/' && text[5] == '/'
            && Digits(text[..2]) is var day and >= 0 && Digits(text[3..5]) is var month and >= 0 && Digits(text[6..]) is var year and >= 1)
        {
            return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        }

        return DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy"];

    /// <summary>The number the ASCII digits write, or -1 when one is not a digit.</summary>
    private static int Digits(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            var digit = c - '0';
            if (digit is < 0 or > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
    }
}
