using System.Globalization;
using System.Text;

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
    private readonly Action<Ssda903Issue> _report;
    private readonly Dictionary<string, string> _interned;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _internedBySpan;

    /// <summary>Creates a reader that sends the problems it finds in the files' structure to <paramref name="report"/>.</summary>
    public Ssda903Reader(Action<Ssda903Issue> report)
    {
        _report = report;
        _interned = new(StringComparer.Ordinal);
        _internedBySpan = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Reads every file into one return.</summary>
    /// <exception cref="Ssda903UnreadableException">A file cannot be opened, or none of the files is a table of the return.</exception>
    public Ssda903Return Read(IEnumerable<Ssda903File> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var result = new Ssda903Return();
        var any = false;
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            any = true;
            Stream stream;
            try
            {
                stream = file.Open();
            }
            catch (IOException ex)
            {
                throw new Ssda903UnreadableException($"{file.Name}: cannot be read ({ex.Message}).", ex);
            }

            using (stream)
            {
                ReadFile(file, stream, result, cancellationToken);
            }
        }

        if (!any || result.Files.Count == 0)
        {
            throw new Ssda903UnreadableException(any
                ? "None of the files is a table of the SSDA903 return: each file's first row must name the table's columns (for example CHILD,DECOM,RNE,LS,... for episodes)."
                : "No files were given.");
        }

        result.Complete();
        return result;
    }

    private void ReadFile(Ssda903File file, Stream stream, Ssda903Return result, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true, 1 << 16);
        var csv = new Ssda903CsvRows(reader);
        if (!csv.Next(out var headerLine))
        {
            Structure(file.Name, null, 1, null, "The file is empty: it has no header row.");
            return;
        }

        var columns = new List<string>(csv.Count);
        for (var i = 0; i < csv.Count; i++)
        {
            columns.Add(csv.Field(i).Trim().TrimStart('\uFEFF').ToString().ToUpperInvariant());
        }

        var definition = Recognise(columns, file.LastYear);
        if (definition is null && file.LastYear && Recognise(columns, false) is not null)
        {
            // Last year's return given whole: its tables no rule compares with (reviews, OC2 ...) are not needed.
            return;
        }

        if (definition is null)
        {
            Structure(file.Name, null, headerLine, null,
                $"The header row ({string.Join(",", columns)}) is not that of a table of the SSDA903 return; the file is not read.");
            return;
        }

        var missing = definition.Columns.Select(c => c.Name).Where(c => !columns.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            Structure(file.Name, definition.Name, headerLine, null,
                $"The {definition.Name} table is missing the required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; the file is not read.", [.. missing]);
            return;
        }

        if (result.Files.TryGetValue(definition.Table, out var earlier))
        {
            Structure(file.Name, definition.Name, headerLine, null,
                $"The {definition.Name} table was given twice, in {earlier} and in {file.Name}; only {earlier} is read.");
            return;
        }

        result.Files[definition.Table] = file.Name;
        var positions = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            if (definition.Index.TryGetValue(columns[i], out var index))
            {
                positions[i] = index;
            }
            else
            {
                positions[i] = -1;
                Structure(file.Name, definition.Name, headerLine, null, $"Column {columns[i]} is not a column of the {definition.Name} table; its values are ignored.", columns[i]);
            }
        }

        var present = new bool[definition.Width];
        foreach (var position in positions.Where(p => p >= 0))
        {
            present[position] = true;
        }

        var values = new string?[definition.Width];
        var row = new RowValues(definition, values, present);
        while (csv.Next(out var line))
        {
            if ((line & 0x3FF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var count = csv.Count;
            if (count == 1 && csv.Field(0).IsWhiteSpace())
            {
                continue;
            }

            Array.Clear(values);
            if (count != columns.Count)
            {
                Structure(file.Name, definition.Name, line, null, $"The row has {count} values; the header row names {columns.Count} columns.");
            }

            for (var i = 0; i < Math.Min(count, columns.Count); i++)
            {
                if (positions[i] >= 0)
                {
                    var text = csv.Field(i).Trim();
                    values[positions[i]] = text.Length == 0 ? null : Intern(definition.Column(positions[i]), text);
                }
            }

            var child = values[0];
            if (child is null)
            {
                Structure(file.Name, definition.Name, line, null, "CHILD is blank: the row cannot be given to a child and is not read.", "CHILD");
                continue;
            }

            row.Start(file.Name, line, child, this);
            var target = result.Child(child);
            switch (definition.Table)
            {
                case Ssda903Table.Header:
                    target.Headers.Add(ReadHeader(row));
                    break;
                case Ssda903Table.HeaderLast:
                    target.HeadersLast.Add(ReadHeader(row));
                    break;
                case Ssda903Table.Episodes:
                    target.Episodes.Add(ReadEpisode(row));
                    break;
                case Ssda903Table.EpisodesLast:
                    target.EpisodesLast.Add(ReadEpisode(row));
                    break;
                case Ssda903Table.Reviews:
                    target.Reviews.Add(new Ssda903Review { Child = child, Line = line, Dob = row.Date("DOB"), Review = row.Date("REVIEW"), ReviewCode = row.Code("REVIEW_CODE") });
                    break;
                case Ssda903Table.Uasc:
                    target.Uasc.Add(ReadUasc(row));
                    break;
                case Ssda903Table.UascLast:
                    target.UascLast.Add(ReadUasc(row));
                    break;
                case Ssda903Table.Oc2:
                    target.Oc2.Add(new Ssda903Oc2
                    {
                        Child = child,
                        Line = line,
                        Dob = row.Date("DOB"),
                        SdqScore = row.Number("SDQ_SCORE"),
                        SdqReason = row.Code("SDQ_REASON"),
                        Convicted = row.Code("CONVICTED"),
                        HealthCheck = row.Code("HEALTH_CHECK"),
                        Immunisations = row.Code("IMMUNISATIONS"),
                        TeethCheck = row.Code("TEETH_CHECK"),
                        HealthAssessment = row.Code("HEALTH_ASSESSMENT"),
                        SubstanceMisuse = row.Code("SUBSTANCE_MISUSE"),
                        InterventionReceived = row.Code("INTERVENTION_RECEIVED"),
                        InterventionOffered = row.Code("INTERVENTION_OFFERED"),
                    });
                    break;
                case Ssda903Table.Oc3:
                    target.Oc3.Add(new Ssda903Oc3 { Child = child, Line = line, Dob = row.Date("DOB"), InTouch = row.Code("IN_TOUCH"), Activity = row.Code("ACTIV"), Accommodation = row.Code("ACCOM") });
                    break;
                case Ssda903Table.Ad1:
                    target.Ad1.Add(new Ssda903Ad1
                    {
                        Child = child,
                        Line = line,
                        Dob = row.Date("DOB"),
                        DateInt = row.Date("DATE_INT"),
                        DateMatch = row.Date("DATE_MATCH"),
                        FosterCare = row.Code("FOSTER_CARE"),
                        NumberOfAdopters = row.Code("NB_ADOPTR"),
                        SexOfAdopters = row.Code("SEX_ADOPTR"),
                        LegalStatusOfAdopters = row.Code("LS_ADOPTR"),
                    });
                    break;
                case Ssda903Table.PlacedAdoption:
                    target.PlacedAdoption.Add(ReadPlacedAdoption(row));
                    break;
                case Ssda903Table.PlacedAdoptionLast:
                    target.PlacedAdoptionLast.Add(ReadPlacedAdoption(row));
                    break;
                case Ssda903Table.PrevPerm:
                    target.PrevPerm.Add(new Ssda903PrevPerm { Child = child, Line = line, Dob = row.Date("DOB"), PrevPerm = row.Code("PREV_PERM"), LaPerm = row.Text("LA_PERM"), DatePerm = row.Text("DATE_PERM") });
                    break;
                case Ssda903Table.Missing:
                    target.Missing.Add(ReadMissing(row));
                    break;
                case Ssda903Table.MissingLast:
                    target.MissingLast.Add(ReadMissing(row));
                    break;
                case Ssda903Table.SocialWorker:
                    target.SocialWorker.Add(ReadSocialWorker(row));
                    break;
                case Ssda903Table.SocialWorkerLast:
                    target.SocialWorkerLast.Add(ReadSocialWorker(row));
                    break;
                default:
                    throw new InvalidOperationException($"No reader for table {definition.Table}.");
            }
        }
    }

    private static Ssda903Header ReadHeader(RowValues row) => new()
    {
        Child = row.ChildId,
        Line = row.Line,
        Sex = row.Code("SEX"),
        Dob = row.Date("DOB"),
        Ethnic = row.Code("ETHNIC"),
        Upn = row.Text("UPN"),
        Mother = row.Code("MOTHER"),
        MotherChildDob = row.Date("MC_DOB"),
        Uasc = row.Code("UASC"),
        HasUascColumn = row.Has("UASC"),
    };

    private static Ssda903Uasc ReadUasc(RowValues row) => new() { Child = row.ChildId, Line = row.Line, Sex = row.Code("SEX"), Dob = row.Date("DOB"), Duc = row.Date("DUC") };

    private static Ssda903PlacedAdoption ReadPlacedAdoption(RowValues row) => new()
    {
        Child = row.ChildId,
        Line = row.Line,
        Dob = row.Date("DOB"),
        DatePlaced = row.Date("DATE_PLACED"),
        DatePlacedCeased = row.Date("DATE_PLACED_CEASED"),
        ReasonPlacedCeased = row.Code("REASON_PLACED_CEASED"),
    };

    private static Ssda903Missing ReadMissing(RowValues row) => new()
    {
        Child = row.ChildId,
        Line = row.Line,
        Dob = row.Date("DOB"),
        MissingType = row.Code("MISSING"),
        Start = row.Date("MIS_START"),
        End = row.Date("MIS_END"),
    };

    private static Ssda903SocialWorker ReadSocialWorker(RowValues row) => new()
    {
        Child = row.ChildId,
        Line = row.Line,
        Dob = row.Date("DOB"),
        SwId = row.Text("SW_ID"),
        Decom = row.Date("SW_DECOM"),
        Dec = row.Date("SW_DEC"),
        Reason = row.Code("SW_REASON"),
    };

    private static Ssda903Episode ReadEpisode(RowValues row) => new()
    {
        Child = row.ChildId,
        Line = row.Line,
        Decom = row.Date("DECOM"),
        Rne = row.Code("RNE"),
        Ls = row.Code("LS"),
        Cin = row.Code("CIN"),
        Place = row.Code("PLACE"),
        PlaceProvider = row.Code("PLACE_PROVIDER"),
        Dec = row.Date("DEC"),
        Rec = row.Code("REC"),
        ReasonPlaceChange = row.Code("REASON_PLACE_CHANGE"),
        HomePost = row.Text("HOME_POST"),
        PlPost = row.Text("PL_POST"),
        Urn = row.Text("URN"),
        PlLa = row.Text("PL_LA"),
        PlLocation = row.Code("PL_LOCATION"),
    };

    /// <summary>The table whose columns the header row names: all of them (exactly, or with unknown extra columns), else the closest.</summary>
    private static Ssda903TableDefinition? Recognise(List<string> columns, bool lastYear)
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

    /// <summary>The value as a string: codes and dates (short, and repeated across rows) as one shared string each.</summary>
    private string Intern(Ssda903Column column, ReadOnlySpan<char> text)
    {
        if (column.Kind is Ssda903ColumnKind.Code or Ssda903ColumnKind.Date && text.Length <= 16)
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

    private void Structure(string file, string? table, int? line, string? child, string message, params string[] fields) =>
        _report(new Ssda903Issue(Ssda903Issue.StructureRule, $"{file}{(line is { } l ? $" line {l}" : "")}: {message}", table, file, line, child, fields));

    /// <summary>Parses a dd/mm/yyyy date (one or two digit day and month), as the schema writes them.</summary>
    public static DateOnly? ParseDate(string? text)
    {
        if (text is null)
        {
            return null;
        }

        // The usual form, dd/mm/yyyy with two-digit day and month, read directly: what TryParseExact gives for it.
        if (text.Length == 10 && text[2] == '/' && text[5] == '/'
            && Digits(text, 0, 2) is var day and >= 0 && Digits(text, 3, 2) is var month and >= 0 && Digits(text, 6, 4) is var year and >= 1)
        {
            return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        }

        return DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
    }

    /// <summary>The number written in <paramref name="length"/> ASCII digits from <paramref name="start"/>, or -1 when one is not a digit.</summary>
    private static int Digits(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return -1;
            }

            value = (value * 10) + digit;
        }

        return value;
    }

    /// <summary>The current row's values by column name, parsed to their types.</summary>
    private sealed class RowValues(Ssda903TableDefinition definition, string?[] values, bool[] present)
    {
        private string _file = "";
        private Ssda903Reader _reader = null!;

        public string ChildId { get; private set; } = "";

        public int Line { get; private set; }

        public void Start(string file, int line, string child, Ssda903Reader reader)
        {
            _file = file;
            Line = line;
            ChildId = child;
            _reader = reader;
        }

        public bool Has(string column) => present[definition.Index[column]];

        public string? Text(string column) => Text(column, definition.Index[column]);

        private string? Text(string column, int index)
        {
            var value = values[index];
            var spec = definition.Column(index);
            if (value is null && !spec.CanBeBlank && spec.Rule is null && present[index])
            {
                Report(column, $"{column} is blank; the schema requires a value.");
            }

            return value;
        }

        public string? Code(string column)
        {
            var index = definition.Index[column];
            var value = Text(column, index);
            var spec = definition.Column(index);
            if (value is not null && spec.Rule is null && spec.Codes is { } codes && !codes.Contains(value))
            {
                Report(column, $"{column} '{value}' is not one of the codes {string.Join(", ", codes.Order(StringComparer.Ordinal))}.");
            }

            return value;
        }

        public Ssda903Date Date(string column)
        {
            var index = definition.Index[column];
            var value = Text(column, index);
            if (value is null)
            {
                return Ssda903Date.Blank;
            }

            var date = ParseDate(value);
            if (date is null && definition.Column(index).Rule is null)
            {
                Report(column, $"{column} '{value}' is not a date written dd/mm/yyyy.");
            }

            return new Ssda903Date(date, true);
        }

        public Ssda903Number Number(string column)
        {
            var index = definition.Index[column];
            var value = Text(column, index);
            if (value is null)
            {
                return default;
            }

            var number = int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
            if (number is null && definition.Column(index).Rule is null)
            {
                Report(column, $"{column} '{value}' is not a whole number.");
            }

            return new Ssda903Number(number, true);
        }

        private void Report(string column, string message) => _reader.Structure(_file, definition.Name, Line, ChildId, message, column);
    }
}
