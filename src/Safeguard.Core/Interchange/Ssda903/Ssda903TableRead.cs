using System.Text;

namespace Safeguard.Interchange.Ssda903;

/// <summary>
/// One file of a return as <see cref="Ssda903Reader"/> reads it: first its header row (the files one after another,
/// in the order given), then its rows, which may be parsed on another thread beside the other files. The rows
/// parsed and the problems found are kept, in the file's order, until the reader hands them on file by file: so a
/// return read on several threads gives the same children, rows and issues, in the same order, as on one.
/// </summary>
internal sealed partial class Ssda903TableRead : IDisposable
{
    /// <summary>Stands in the row's values for a date that was read as one (its value is in the row's dates).</summary>
    private const string AsWritten = "(a date)";

    private readonly StreamReader _text;
    private readonly Ssda903CsvRows _csv;
    private readonly List<Ssda903Issue> _issues = [];
    private readonly List<Ssda903Row> _rows = [];
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _internedBySpan;
    private Ssda903TableDefinition? _definition;
    private int[] _positions = [];

    public Ssda903TableRead(Ssda903File file, Stream stream)
    {
        File = file;
        Size = stream.CanSeek ? stream.Length : 0;
        _text = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16);
        _csv = new Ssda903CsvRows(_text);
        _internedBySpan = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public Ssda903File File { get; }

    /// <summary>The file's length in bytes when known (0 otherwise): the larger files are parsed first.</summary>
    public long Size { get; }

    /// <summary>Whether the file's rows are to be read: its header row named a table of the return not given before.</summary>
    public bool HasRows => _definition is not null;

    /// <summary>Reads the header row and recognises the table, recording it in <paramref name="result"/>'s files.</summary>
    public void ReadHeader(Ssda903Return result)
    {
        if (!_csv.Next(out var headerLine))
        {
            Structure(null, 1, null, "The file is empty: it has no header row.");
            return;
        }

        var columns = new List<string>(_csv.Count);
        for (var i = 0; i < _csv.Count; i++)
        {
            columns.Add(_csv.Field(i).Trim().TrimStart('\uFEFF').ToString().ToUpperInvariant());
        }

        var definition = Ssda903Reader.Recognise(columns, File.LastYear);
        if (definition is null && File.LastYear && Ssda903Reader.Recognise(columns, false) is not null)
        {
            // Last year's return given whole: its tables no rule compares with (reviews, OC2 ...) are not needed.
            return;
        }

        if (definition is null)
        {
            Structure(null, headerLine, null, $"The header row ({string.Join(",", columns)}) is not that of a table of the SSDA903 return; the file is not read.");
            return;
        }

        var missing = definition.Columns.Select(c => c.Name).Where(c => !columns.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            Structure(definition.Name, headerLine, null,
                $"The {definition.Name} table is missing the required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; the file is not read.", [.. missing]);
            return;
        }

        if (result.Files.TryGetValue(definition.Table, out var earlier))
        {
            Structure(definition.Name, headerLine, null, $"The {definition.Name} table was given twice, in {earlier} and in {File.Name}; only {earlier} is read.");
            return;
        }

        result.Files[definition.Table] = File.Name;
        _positions = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            if (definition.Index.TryGetValue(columns[i], out var index))
            {
                _positions[i] = index;
            }
            else
            {
                _positions[i] = -1;
                Structure(definition.Name, headerLine, null, $"Column {columns[i]} is not a column of the {definition.Name} table; its values are ignored.", columns[i]);
            }
        }

        _definition = definition;
    }

    /// <summary>Parses every row after the header into its record, keeping the rows and the problems found in order.</summary>
    public void ReadRows(CancellationToken cancellationToken)
    {
        var definition = _definition ?? throw new InvalidOperationException("The file has no table to read.");
        var present = new bool[definition.Width];
        foreach (var position in _positions.Where(p => p >= 0))
        {
            present[position] = true;
        }

        var width = _positions.Length;
        var kinds = Array.ConvertAll(_positions, p => p >= 0 ? definition.Column(p).Kind : Ssda903ColumnKind.Text);
        var values = new string?[definition.Width];
        var dates = new DateOnly?[definition.Width];
        var row = new RowValues(this, definition, values, dates, present);
        var previousChild = "";
        while (_csv.Next(out var line))
        {
            if ((line & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var count = _csv.Count;
            if (count == 1 && _csv.Field(0).IsWhiteSpace())
            {
                continue;
            }

            Array.Clear(values);
            if (count != width)
            {
                Structure(definition.Name, line, null, $"The row has {count} values; the header row names {width} columns.");
            }

            for (var i = 0; i < Math.Min(count, width); i++)
            {
                var position = _positions[i];
                if (position < 0)
                {
                    continue;
                }

                var text = _csv.Field(i).Trim();
                if (text.Length == 0)
                {
                    continue;
                }

                if (kinds[i] == Ssda903ColumnKind.Date)
                {
                    // A date is parsed where it stands; its text is kept only when it is not a date, for the message.
                    dates[position] = Ssda903Reader.ParseDate(text);
                    values[position] = dates[position] is null ? text.ToString() : AsWritten;
                }
                else if (position == 0)
                {
                    // A child's rows usually stand together: the id of the row before is used again.
                    values[0] = text.SequenceEqual(previousChild) ? previousChild : text.ToString();
                    previousChild = values[0]!;
                }
                else
                {
                    values[position] = Intern(kinds[i], text);
                }
            }

            var child = values[0];
            if (child is null)
            {
                Structure(definition.Name, line, null, "CHILD is blank: the row cannot be given to a child and is not read.", "CHILD");
                continue;
            }

            row.Start(line, child);
            _rows.Add(Read(definition.Table, row));
        }
    }

    /// <summary>Sends the problems found to <paramref name="report"/> and files the rows under their children, in the file's order.</summary>
    public void HandOn(Ssda903Return result, Action<Ssda903Issue> report)
    {
        foreach (var issue in _issues)
        {
            report(issue);
        }

        var table = _definition?.Table;
        Ssda903Child child = null!;
        string? previous = null;
        foreach (var row in _rows)
        {
            // Rows of one child standing together share one id string (see ReadRows): one look-up for them all.
            if (!ReferenceEquals(row.Child, previous))
            {
                child = result.Child(row.Child);
                previous = row.Child;
            }

            switch (table)
            {
                case Ssda903Table.Header:
                    child.Headers.Add((Ssda903Header)row);
                    break;
                case Ssda903Table.HeaderLast:
                    child.HeadersLast.Add((Ssda903Header)row);
                    break;
                case Ssda903Table.Episodes:
                    child.Episodes.Add((Ssda903Episode)row);
                    break;
                case Ssda903Table.EpisodesLast:
                    child.EpisodesLast.Add((Ssda903Episode)row);
                    break;
                case Ssda903Table.Reviews:
                    child.Reviews.Add((Ssda903Review)row);
                    break;
                case Ssda903Table.Uasc:
                    child.Uasc.Add((Ssda903Uasc)row);
                    break;
                case Ssda903Table.UascLast:
                    child.UascLast.Add((Ssda903Uasc)row);
                    break;
                case Ssda903Table.Oc2:
                    child.Oc2.Add((Ssda903Oc2)row);
                    break;
                case Ssda903Table.Oc3:
                    child.Oc3.Add((Ssda903Oc3)row);
                    break;
                case Ssda903Table.Ad1:
                    child.Ad1.Add((Ssda903Ad1)row);
                    break;
                case Ssda903Table.PlacedAdoption:
                    child.PlacedAdoption.Add((Ssda903PlacedAdoption)row);
                    break;
                case Ssda903Table.PlacedAdoptionLast:
                    child.PlacedAdoptionLast.Add((Ssda903PlacedAdoption)row);
                    break;
                case Ssda903Table.PrevPerm:
                    child.PrevPerm.Add((Ssda903PrevPerm)row);
                    break;
                case Ssda903Table.Missing:
                    child.Missing.Add((Ssda903Missing)row);
                    break;
                case Ssda903Table.MissingLast:
                    child.MissingLast.Add((Ssda903Missing)row);
                    break;
                case Ssda903Table.SocialWorker:
                    child.SocialWorker.Add((Ssda903SocialWorker)row);
                    break;
                case Ssda903Table.SocialWorkerLast:
                    child.SocialWorkerLast.Add((Ssda903SocialWorker)row);
                    break;
                default:
                    throw new InvalidOperationException($"No table for the rows of {File.Name}.");
            }
        }
    }

    public void Dispose() => _text.Dispose();

    /// <summary>The value as a string: codes (short, and repeated across rows) as one shared string each.</summary>
    private string Intern(Ssda903ColumnKind kind, ReadOnlySpan<char> text)
    {
        if (kind == Ssda903ColumnKind.Code && text.Length <= 16)
        {
            if (_internedBySpan.TryGetValue(text, out var interned))
            {
                return interned;
            }

            interned = text.ToString();
            if (_interned.Count < 100_000)
            {
                _interned.Add(interned, interned);
            }

            return interned;
        }

        return text.ToString();
    }

    private void Structure(string? table, int? line, string? child, string message, params string[] fields) =>
        _issues.Add(Ssda903Reader.StructureIssue(File.Name, table, line, child, message, fields));
}
