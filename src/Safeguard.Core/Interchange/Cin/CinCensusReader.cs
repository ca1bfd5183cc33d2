using System.Globalization;
using System.Text;
using System.Xml;

namespace Safeguard.Interchange.Cin;

/// <summary>What the reader found in the file's header.</summary>
public sealed record CinHeader(DateOnly? ReferenceDate, int ReferenceDateLine, string? Year, string? La);

/// <summary>Options for reading a census file.</summary>
public sealed record CinReaderOptions
{
    /// <summary>The collection year to read and check against; when null it comes from the header's reference date.</summary>
    public CinCollection? Collection { get; init; }

    /// <summary>A child with more elements than this is reported and skipped, so one child cannot exhaust memory.</summary>
    public int MaxElementsPerChild { get; init; } = 250_000;
}

/// <summary>
/// Reads a children in need census file forward only (<see cref="XmlReader"/>), one child at a time, so memory
/// does not grow with the file. Accepts the schema variants of recent years: <c>GenderCurrent</c> (1, 2, 0, 9, up
/// to 2024) or <c>Sex</c> (M, F, U, from 2025); yes/no as 0/1 or true/false. Problems with the file's
/// structure (unknown, missing, repeated or misplaced elements, values of the wrong type, codes outside the code
/// lists no DfE rule checks) are reported as <see cref="CinIssue.StructureRule"/> issues with line, element path
/// and child id, and reading goes on. A file that cannot be read at all raises <see cref="CinUnreadableException"/>.
/// </summary>
public sealed class CinCensusReader : IDisposable
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    private readonly Stream _stream;
    private readonly string _fileName;
    private readonly CinReaderOptions _options;
    private readonly Action<CinIssue> _report;
    private readonly XmlReader _xml;
    private readonly IXmlLineInfo _lines;
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _value = new();
    private readonly Dictionary<string, string> _interned = new(StringComparer.Ordinal);
    private readonly char[] _chunk = new char[1_024];
    private readonly Dictionary<(string Parent, string Name), string> _paths = new(ReferencePair.Instance);
    private string? _childId;
    private int _elementsInChild;
    private bool _started;

    public CinCensusReader(Stream stream, string fileName, CinReaderOptions options, Action<CinIssue> reportStructureIssue)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(reportStructureIssue);
        _stream = stream;
        _fileName = fileName;
        _options = options;
        _report = reportStructureIssue;
        _xml = XmlReader.Create(stream, Settings);
        _lines = (IXmlLineInfo)_xml;
    }

    /// <summary>The header, once <see cref="Open"/> has run.</summary>
    public CinHeader Header { get; private set; } = new(null, 0, null, null);

    /// <summary>The collection the file is read against, once <see cref="Open"/> has run.</summary>
    public CinCollection Collection { get; private set; } = CinCollection.ForStartYear(2024);

    /// <summary>The code lists of that collection, once <see cref="Open"/> has run.</summary>
    public CinReferenceData ReferenceData { get; private set; } = null!;

    /// <summary>Which sex element the file uses: Sex (2025 on) or GenderCurrent (up to 2024); null until a child is read.</summary>
    public string? SexElement { get; private set; }

    /// <summary>Reads the header up to the first child and settles the collection year.</summary>
    /// <exception cref="CinUnreadableException">The file is not a readable census.</exception>
    /// <exception cref="ArgumentException">The product has no rules for the file's (or the given) collection year.</exception>
    public void Open()
    {
        if (_started)
        {
            return;
        }

        _started = true;
        Guard(() =>
        {
            if (_xml.MoveToContent() != XmlNodeType.Element)
            {
                throw Unreadable("it has no <Message> element, so it is not a children in need census", 1);
            }

            if (_xml.LocalName == "Message" && _xml.NamespaceURI.Length > 0)
            {
                throw Unreadable(
                    $"its root element <Message> is in the namespace '{Shorten(_xml.NamespaceURI)}'; a children in need census has no namespace, so this is another kind of file",
                    _lines.LineNumber);
            }

            if (_xml.Name != "Message")
            {
                throw Unreadable($"its root element is not <Message>, so it is not a children in need census", _lines.LineNumber);
            }

            // Header (optional), then Children.
            if (!_xml.IsEmptyElement)
            {
                _xml.Read();
                SkipText("Message");
                if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "Header")
                {
                    ReadHeader();
                    SkipText("Message");
                }

                while (_xml.NodeType == XmlNodeType.Element && _xml.LocalName != "Children")
                {
                    Structure($"Message/{_xml.LocalName}", $"Element <{_xml.LocalName}> is not part of the census; expected <Header> or <Children>.");
                    _xml.Skip();
                    SkipText("Message");
                }
            }

            if (!(_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "Children"))
            {
                Structure("Message/Children", "Element <Children> is missing: the file has no children.");
            }

            return 0;
        });

        Collection = _options.Collection
            ?? (Header.ReferenceDate is { } reference
                ? CinCollection.Containing(reference)
                : throw Unreadable("its header has no reference date, so its collection year is unknown; give the collection year (for example --collection 2024-25)", Header.ReferenceDateLine));
        ReferenceData = CinReferenceData.For(Collection.Name);
    }

    /// <summary>The children, one at a time; each is complete when yielded and is not kept by the reader.</summary>
    public IEnumerable<CinChild> ReadChildren()
    {
        Open();
        if (!(_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "Children") || _xml.IsEmptyElement)
        {
            if (_xml.NodeType == XmlNodeType.Element && _xml.LocalName == "Children")
            {
                Structure("Message/Children", "Element <Children> has no <Child>.");
            }

            yield break;
        }

        Guard(() => _xml.Read());
        var any = false;
        while (true)
        {
            CinChild? child = null;
            var more = Guard(() =>
            {
                SkipText("Children");
                if (_xml.NodeType == XmlNodeType.EndElement || _xml.EOF)
                {
                    return false;
                }

                if (_xml.LocalName != "Child")
                {
                    Structure($"Message/Children/{_xml.LocalName}", $"Element <{_xml.LocalName}> is not allowed here; expected <Child>.");
                    _xml.Skip();
                    return true;
                }

                child = ReadChild();
                return true;
            });
            if (!more)
            {
                break;
            }

            if (child is not null)
            {
                any = true;
                yield return child;
            }
        }

        if (!any)
        {
            Structure("Message/Children", "Element <Children> has no <Child>.");
        }

        // Whatever follows the children must still be well-formed: read to the end so a truncated file is refused.
        Guard(() =>
        {
            while (_xml.Read())
            {
            }

            return 0;
        });
    }

    public void Dispose() => _xml.Dispose();

    private T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (XmlException ex)
        {
            if (ex.Message.Contains("DTD", StringComparison.Ordinal))
            {
                // XmlReader refuses a DTD without saying where it is, and its message goes on to tell a developer how
                // to turn DTD processing on: not for users. The declaration is in the file's first lines.
                var (line, position) = FindInHead("<!DOCTYPE");
                var where = position > 0 ? string.Create(CultureInfo.InvariantCulture, $"at position {position} ") : "";
                throw Unreadable($"{where}it has a document type declaration (<!DOCTYPE ...>), which a children in need census never has and Safeguard does not read", line, ex);
            }

            throw Unreadable(Explain(ex), ex.LineNumber, ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw Unreadable($"it is not in the encoding it declares ({ex.Message})", _lines.LineNumber, ex);
        }
    }

    private string Explain(XmlException ex)
    {
        if (ex.Message.Contains("Unexpected end of file", StringComparison.Ordinal))
        {
            return "it ends before the census does (the file is truncated or incomplete): " + ex.Message;
        }

        if (ex.LineNumber <= 1 && ex.Message.Contains("root level", StringComparison.Ordinal))
        {
            return LooksLikeCsv()
                ? "it is not XML but a comma-separated file (perhaps an SSDA903 children looked after return); a children in need census is XML starting with <Message>"
                : "it is not XML; a children in need census is XML starting with <Message>: " + ex.Message;
        }

        if (ex.Message.Contains("encoding", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("Invalid character", StringComparison.Ordinal))
        {
            return "it is not in the encoding it declares (save it as UTF-8): " + ex.Message;
        }

        return "it is not well-formed XML: " + ex.Message;
    }

    /// <summary>The line and position of the first <paramref name="text"/> in the file's first 64 KB; (0, 0) when not found.</summary>
    private (int Line, int Position) FindInHead(string text)
    {
        if (!_stream.CanSeek)
        {
            return (0, 0);
        }

        var position = _stream.Position;
        try
        {
            _stream.Position = 0;
            var buffer = new byte[64 * 1024];
            var read = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            var head = Encoding.UTF8.GetString(buffer, 0, read);
            var at = head.IndexOf(text, StringComparison.Ordinal);
            if (at < 0)
            {
                return (0, 0);
            }

            var lineStart = head.LastIndexOf('\n', Math.Max(0, at - 1)) + 1;
            return (head.AsSpan(0, at).Count('\n') + 1, at - lineStart + 1);
        }
        finally
        {
            _stream.Position = position;
        }
    }

    private bool LooksLikeCsv()
    {
        if (!_stream.CanSeek)
        {
            return false;
        }

        var position = _stream.Position;
        try
        {
            _stream.Position = 0;
            var buffer = new byte[512];
            var read = _stream.Read(buffer, 0, buffer.Length);
            var head = Encoding.UTF8.GetString(buffer, 0, read);
            var firstLine = head.Split('\n')[0];
            return !firstLine.Contains('<', StringComparison.Ordinal) && firstLine.Count(c => c == ',') >= 2;
        }
        finally
        {
            _stream.Position = position;
        }
    }

    private CinUnreadableException Unreadable(string why, int line, Exception? inner = null)
    {
        var message = line > 0 ? $"{_fileName}: line {line}: cannot be read: {why}" : $"{_fileName}: cannot be read: {why}";
        return inner is null ? new CinUnreadableException(message) { Line = line } : new CinUnreadableException(message, inner) { Line = line };
    }

    private void Structure(string path, string message, int? line = null) =>
        _report(new CinIssue(CinIssue.StructureRule, CinSeverity.Error, message, _childId, [path], line ?? _lines.LineNumber));

    private void SkipText(string parent)
    {
        while (_xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.XmlDeclaration)
        {
            if (_xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA && !string.IsNullOrWhiteSpace(_xml.Value))
            {
                Structure(parent, $"Unexpected text '{Shorten(_xml.Value.Trim())}' inside <{parent}>.");
            }

            _xml.Read();
        }
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    // ---- The sequences of the schema -------------------------------------------------------------------------

    private sealed record Slot(string[] Names, int Min, int Max);

    private static Slot One(params string[] names) => new(names, 1, 1);

    private static Slot Optional(string name) => new([name], 0, 1);

    private static Slot Many(string name, int min = 0) => new([name], min, int.MaxValue);

    private static readonly Slot[] HeaderSlots = [Optional("CollectionDetails"), Many("Source")];
    private static readonly Slot[] CollectionDetailsSlots = [Optional("Collection"), Optional("Year"), Optional("ReferenceDate")];
    private static readonly Slot[] SourceSlots = [Optional("SourceLevel"), One("LEA"), Optional("SoftwareCode"), Optional("Release"), Optional("SerialNo"), Optional("DateTime")];
    private static readonly Slot[] ChildSlots = [One("ChildIdentifiers"), One("ChildCharacteristics"), Many("CINdetails", 1)];

    private static readonly Slot[] IdentifierSlots =
    [
        One("LAchildID"), Optional("UPN"), Optional("FormerUPN"), Optional("UPNunknown"), Optional("PersonBirthDate"),
        Optional("ExpectedPersonBirthDate"), One("Sex", "GenderCurrent"), Optional("PersonDeathDate"),
    ];

    private static readonly Slot[] CharacteristicSlots = [One("Ethnicity"), Optional("Disabilities")];
    private static readonly Slot[] DisabilitySlots = [Many("Disability", 1)];

    private static readonly Slot[] EpisodeSlots =
    [
        One("CINreferralDate"), One("ReferralSource"), Optional("PrimaryNeedCode"), Optional("CINclosureDate"), Optional("ReasonForClosure"),
        Optional("DateOfInitialCPC"), Many("Assessments"), Many("CINPlanDates"), Many("Section47"), One("ReferralNFA"), Many("ChildProtectionPlans"),
    ];

    private static readonly Slot[] AssessmentSlots =
        [One("AssessmentActualStartDate"), Optional("AssessmentInternalReviewDate"), Optional("AssessmentAuthorisationDate"), Optional("FactorsIdentifiedAtAssessment")];

    private static readonly Slot[] FactorSlots = [Many("AssessmentFactors", 1)];
    private static readonly Slot[] PlanSlots = [One("CINPlanStartDate"), Optional("CINPlanEndDate")];
    private static readonly Slot[] Section47Slots = [One("S47ActualStartDate"), Optional("InitialCPCtarget"), Optional("DateOfInitialCPC"), One("ICPCnotRequired")];

    private static readonly Slot[] ProtectionPlanSlots =
    [
        One("CPPstartDate"), Optional("CPPendDate"), One("InitialCategoryOfAbuse"), One("LatestCategoryOfAbuse"), One("NumberOfPreviousCPP"), Optional("Reviews"),
    ];

    private static readonly Slot[] ReviewSlots = [Many("CPPreviewDate", 1)];

    /// <summary>
    /// Reads the children of the current element against its sequence, calling <paramref name="read"/> for each
    /// known child (which must consume it). Leaves the reader after the parent's end tag.
    /// </summary>
    private void ReadSequence(string path, Slot[] slots, Action<string, string> read)
    {
        var parentLine = _lines.LineNumber;
        var parentName = _xml.LocalName;
        Span<int> counts = stackalloc int[slots.Length];
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
        }
        else
        {
            _xml.Read();
            var last = -1;
            while (true)
            {
                SkipText(parentName);
                if (_xml.NodeType != XmlNodeType.Element)
                {
                    break;
                }

                var name = _xml.LocalName;
                var index = IndexOf(slots, name);
                var childPath = PathOf(path, name);
                if (++_elementsInChild > _options.MaxElementsPerChild && _childId is not null)
                {
                    throw new ChildTooLargeException();
                }

                if (index < 0)
                {
                    Structure(childPath, $"Element <{name}> is not allowed in <{parentName}>{Expected(slots, last)}.");
                    _xml.Skip();
                    continue;
                }

                if (index < last)
                {
                    Structure(childPath, $"Element <{name}> is out of order in <{parentName}>: it must come before <{slots[last].Names[0]}>.");
                }

                if (++counts[index] > slots[index].Max)
                {
                    Structure(childPath, $"Element <{name}> appears more than once in <{parentName}>; only one is allowed.");
                    _xml.Skip();
                    continue;
                }

                last = Math.Max(last, index);
                read(name, childPath);
            }

            if (_xml.NodeType == XmlNodeType.EndElement)
            {
                _xml.Read();
            }
        }

        for (var i = 0; i < slots.Length; i++)
        {
            if (counts[i] < slots[i].Min)
            {
                Structure($"{path}/{slots[i].Names[0]}", $"Element <{string.Join("> or <", slots[i].Names)}> is missing from <{parentName}>.", parentLine);
            }
        }
    }

    /// <summary>
    /// The path of element <paramref name="name"/> inside <paramref name="parent"/>, made once per pair rather than
    /// once per element: both strings are the same instances each time (names come atomised from the reader's name
    /// table, parents from here), so the cache compares references. Unusual names beyond a bound are not cached.
    /// </summary>
    private string PathOf(string parent, string name)
    {
        if (_paths.TryGetValue((parent, name), out var path))
        {
            return path;
        }

        path = parent + "/" + name;
        if (_paths.Count < 4_096)
        {
            _paths[(parent, name)] = path;
        }

        return path;
    }

    private sealed class ReferencePair : IEqualityComparer<(string Parent, string Name)>
    {
        public static readonly ReferencePair Instance = new();

        public bool Equals((string Parent, string Name) x, (string Parent, string Name) y) =>
            ReferenceEquals(x.Parent, y.Parent) && ReferenceEquals(x.Name, y.Name);

        public int GetHashCode((string Parent, string Name) obj) =>
            HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Parent), System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Name));
    }

    private static int IndexOf(Slot[] slots, string name)
    {
        for (var i = 0; i < slots.Length; i++)
        {
            foreach (var candidate in slots[i].Names)
            {
                if (candidate == name)
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static string Expected(Slot[] slots, int last)
    {
        var next = slots.Skip(Math.Max(last, 0)).SelectMany(s => s.Names).Take(4).ToList();
        return next.Count == 0 ? string.Empty : $"; expected one of <{string.Join(">, <", next)}>";
    }

    /// <summary>The text of a leaf element; the reader ends after it. Child elements inside it are reported and skipped.</summary>
    /// <param name="path">The element's path, for issues.</param>
    /// <param name="intern">
    /// True for codes, dates and flags: the same few hundred values recur in every child, so one string is kept for
    /// each rather than a new one made every time (identifiers, which differ from child to child, are not interned).
    /// </param>
    private string ReadLeaf(string path, bool intern = false)
    {
        if (_xml.IsEmptyElement)
        {
            _xml.Read();
            return string.Empty;
        }

        var line = _lines.LineNumber;
        _xml.Read();
        _text.Clear();
        if (_xml.NodeType == XmlNodeType.Text)
        {
            // The usual case: a value and the end tag.
            var value = TextValue(path, line, intern);
            _xml.Read();
            if (_xml.NodeType == XmlNodeType.EndElement)
            {
                _xml.Read();
                return value.Trim();
            }

            _text.Append(value);
        }

        while (_xml.NodeType != XmlNodeType.EndElement)
        {
            if (_xml.NodeType == XmlNodeType.Element)
            {
                Structure(path + "/" + _xml.LocalName, $"Element <{_xml.LocalName}> is not allowed inside <{path[(path.LastIndexOf('/') + 1)..]}>, which holds a value.");
                _xml.Skip();
                continue;
            }

            if (_xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
            {
                var text = TextValue(path, line);
                _text.Append(text.AsSpan(0, Math.Min(text.Length, MaxValueLength - Math.Min(MaxValueLength, _text.Length))));
            }

            _xml.Read();
        }

        _xml.Read();
        return _text.ToString().Trim();
    }

    /// <summary>No census value comes near this many characters; a longer one is reported and cut, not held.</summary>
    public const int MaxValueLength = 4_096;

    /// <summary>
    /// The current text node's value, read in chunks so that a huge value (a damaged or hostile file can put
    /// gigabytes inside one element) is reported and cut at <see cref="MaxValueLength"/> rather than held in memory.
    /// </summary>
    private string TextValue(string path, int line, bool intern = false)
    {
        if (!_xml.CanReadValueChunk)
        {
            return _xml.Value;
        }

        _value.Clear();
        long total = 0;
        int read;
        while ((read = _xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            total += read;
            if (_value.Length < MaxValueLength)
            {
                _value.Append(_chunk, 0, Math.Min(read, MaxValueLength - _value.Length));
            }
        }

        if (total > MaxValueLength)
        {
            Structure(path, $"The value of <{path[(path.LastIndexOf('/') + 1)..]}> is {total:N0} characters long; no census value is longer than {MaxValueLength:N0}, so only its start was read.", line);
        }

        return intern && _value.Length <= MaxInternedLength ? Intern(_value) : _value.ToString();
    }

    private const int MaxInternedLength = 16;

    private string Intern(StringBuilder value)
    {
        Span<char> text = stackalloc char[value.Length];
        value.CopyTo(0, text, value.Length);
        var lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known))
        {
            return known;
        }

        var made = text.ToString();
        if (_interned.Count < 8_192)
        {
            _interned.Add(made, made);
        }

        return made;
    }

    private DateOnly? ReadDate(string path)
    {
        var line = _lines.LineNumber;
        var text = ReadLeaf(path, intern: true);
        if (text.Length == 0)
        {
            return null;
        }

        if (TryParseDate(text, out var date))
        {
            return date;
        }

        Structure(path, $"'{Shorten(text)}' is not a date in the form yyyy-mm-dd.", line);
        return null;
    }

    internal static bool TryParseDate(string text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-')
        {
            return DateOnly.TryParseExact(text, ["yyyy-MM-ddK", "yyyy-MM-ddzzz"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        }

        var year = Digits(text, 0, 4);
        var month = Digits(text, 5, 2);
        var day = Digits(text, 8, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static int Digits(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    private string? ReadCode(string path, string? list, bool checkedByRule)
    {
        var line = _lines.LineNumber;
        var text = ReadLeaf(path, intern: true);
        if (text.Length == 0)
        {
            return checkedByRule ? null : EmptyValue(path, line);
        }

        if (list is not null && !checkedByRule && !ReferenceData.IsInList(list, text))
        {
            Structure(path, $"'{Shorten(text)}' is not a valid code for <{path[(path.LastIndexOf('/') + 1)..]}> in the {Collection.Name} code list.", line);
        }

        return text;
    }

    private string? EmptyValue(string path, int line)
    {
        Structure(path, $"Element <{path[(path.LastIndexOf('/') + 1)..]}> is empty; it must have a value.", line);
        return null;
    }

    private bool? ReadYesNo(string path, bool checkedByRule)
    {
        var line = _lines.LineNumber;
        var text = ReadLeaf(path, intern: true);
        switch (text)
        {
            case "1":
                return true;
            case "0":
                return false;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!checkedByRule)
        {
            Structure(path, $"'{Shorten(text)}' is not a yes/no value: use 1 or 0 (true or false in older files).", line);
        }

        return null;
    }

    // ---- Header ----------------------------------------------------------------------------------------------

    private void ReadHeader()
    {
        DateOnly? reference = null;
        var referenceLine = 0;
        string? year = null;
        string? la = null;
        ReadSequence("Message/Header", HeaderSlots, (name, path) =>
        {
            if (name == "CollectionDetails")
            {
                ReadSequence(path, CollectionDetailsSlots, (detail, detailPath) =>
                {
                    switch (detail)
                    {
                        case "Collection":
                            var collection = ReadLeaf(detailPath);
                            if (collection != "CIN")
                            {
                                Structure(detailPath, $"The collection is '{Shorten(collection)}', not CIN: this is not a children in need census.");
                            }

                            break;
                        case "Year":
                            year = ReadLeaf(detailPath);
                            break;
                        default:
                            referenceLine = _lines.LineNumber;
                            reference = ReadDate(detailPath);
                            break;
                    }
                });
            }
            else
            {
                ReadSequence(path, SourceSlots, (source, sourcePath) =>
                {
                    var value = ReadLeaf(sourcePath);
                    if (source == "LEA")
                    {
                        la ??= value;
                    }
                });
            }
        });
        Header = new CinHeader(reference, referenceLine, year, la);
    }

    // ---- Children --------------------------------------------------------------------------------------------

    private sealed class ChildTooLargeException : Exception;

    private CinChild? ReadChild()
    {
        var child = new CinChild { Line = _lines.LineNumber };
        _childId = null;
        _elementsInChild = 0;
        try
        {
            ReadSequence("Message/Children/Child", ChildSlots, (name, path) =>
            {
                switch (name)
                {
                    case "ChildIdentifiers":
                        ReadSequence(path, IdentifierSlots, (field, fieldPath) => ReadIdentifier(child, field, fieldPath));
                        break;
                    case "ChildCharacteristics":
                        ReadSequence(path, CharacteristicSlots, (field, fieldPath) => ReadCharacteristic(child, field, fieldPath));
                        break;
                    default:
                        child.Episodes.Add(ReadEpisode(path));
                        break;
                }
            });
        }
        catch (ChildTooLargeException)
        {
            Structure("Message/Children/Child", $"Child {_childId} has more than {_options.MaxElementsPerChild:N0} elements; its records were skipped and not checked.", child.Line);
            while (!(_xml.NodeType == XmlNodeType.EndElement && _xml.LocalName == "Child" && _xml.Depth == 2) && !_xml.EOF)
            {
                _xml.Skip();
            }

            _xml.Read();
            _childId = null;
            return null;
        }

        _childId = null;
        return child;
    }

    private void ReadIdentifier(CinChild child, string field, string path)
    {
        var line = _lines.LineNumber;
        switch (field)
        {
            case "LAchildID":
                child.LaChildId = NullIfEmpty(ReadLeaf(path));
                _childId = child.LaChildId;
                child.SetLine(CinField.LaChildId, line);
                break;
            case "UPN":
                child.Upn = NullIfEmpty(ReadLeaf(path));
                child.SetLine(CinField.Upn, line);
                if (child.Upn is { Length: not 13 })
                {
                    Structure(path, $"UPN '{Shorten(child.Upn)}' is {child.Upn.Length} characters long; a UPN has 13.", line);
                }

                break;
            case "FormerUPN":
                child.FormerUpn = NullIfEmpty(ReadLeaf(path));
                child.SetLine(CinField.FormerUpn, line);
                break;
            case "UPNunknown":
                child.UpnUnknown = ReadCode(path, "upn-unknown", checkedByRule: false);
                child.SetLine(CinField.UpnUnknown, line);
                break;
            case "PersonBirthDate":
                child.BirthDate = ReadDate(path);
                child.SetLine(CinField.BirthDate, line);
                break;
            case "ExpectedPersonBirthDate":
                child.ExpectedBirthDate = ReadDate(path);
                child.SetLine(CinField.ExpectedBirthDate, line);
                break;
            case "GenderCurrent":
                SexElement ??= field;
                var gender = ReadLeaf(path, intern: true);
                child.Sex = gender switch
                {
                    "1" => "M",
                    "2" => "F",
                    "0" or "9" => "U",
                    _ => NullIfEmpty(gender),
                };
                child.SetLine(CinField.Sex, line);
                break;
            case "Sex":
                SexElement ??= field;
                child.Sex = NullIfEmpty(ReadLeaf(path, intern: true));
                child.SetLine(CinField.Sex, line);
                break;
            default:
                child.DeathDate = ReadDate(path);
                child.SetLine(CinField.DeathDate, line);
                break;
        }
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private void ReadCharacteristic(CinChild child, string field, string path)
    {
        var line = _lines.LineNumber;
        if (field == "Ethnicity")
        {
            child.Ethnicity = NullIfEmpty(ReadLeaf(path, intern: true));
            child.SetLine(CinField.Ethnicity, line);
            return;
        }

        child.SetLine(CinField.Disabilities, line);
        ReadSequence(path, DisabilitySlots, (_, disabilityPath) => child.Disabilities.Add(ReadLeaf(disabilityPath, intern: true)));
    }

    private CinEpisode ReadEpisode(string path)
    {
        var episode = new CinEpisode { Line = _lines.LineNumber };
        ReadSequence(path, EpisodeSlots, (field, fieldPath) =>
        {
            switch (field)
            {
                case "CINreferralDate":
                    episode.ReferralDate = ReadDate(fieldPath);
                    break;
                case "ReferralSource":
                    episode.ReferralSource = NullIfEmpty(ReadLeaf(fieldPath, intern: true));
                    break;
                case "PrimaryNeedCode":
                    episode.PrimaryNeedCode = NullIfEmpty(ReadLeaf(fieldPath, intern: true));
                    break;
                case "CINclosureDate":
                    episode.ClosureDate = ReadDate(fieldPath);
                    break;
                case "ReasonForClosure":
                    episode.ReasonForClosure = NullIfEmpty(ReadLeaf(fieldPath, intern: true));
                    break;
                case "DateOfInitialCPC":
                    episode.DateOfInitialCpc = ReadDate(fieldPath);
                    break;
                case "Assessments":
                    episode.Assessments.Add(ReadAssessment(fieldPath));
                    break;
                case "CINPlanDates":
                    var plan = new CinPlan { Line = _lines.LineNumber };
                    ReadSequence(fieldPath, PlanSlots, (date, datePath) =>
                    {
                        if (date == "CINPlanStartDate")
                        {
                            plan.StartDate = ReadDate(datePath);
                        }
                        else
                        {
                            plan.EndDate = ReadDate(datePath);
                        }
                    });
                    episode.CinPlans.Add(plan);
                    break;
                case "Section47":
                    episode.Section47Enquiries.Add(ReadSection47(fieldPath));
                    break;
                case "ReferralNFA":
                    episode.ReferralNfa = ReadYesNo(fieldPath, checkedByRule: true);
                    break;
                default:
                    episode.ProtectionPlans.Add(ReadProtectionPlan(fieldPath));
                    break;
            }
        });
        return episode;
    }

    private CinAssessment ReadAssessment(string path)
    {
        var assessment = new CinAssessment { Line = _lines.LineNumber };
        ReadSequence(path, AssessmentSlots, (field, fieldPath) =>
        {
            switch (field)
            {
                case "AssessmentActualStartDate":
                    assessment.StartDate = ReadDate(fieldPath);
                    break;
                case "AssessmentInternalReviewDate":
                    assessment.InternalReviewDate = ReadDate(fieldPath);
                    break;
                case "AssessmentAuthorisationDate":
                    assessment.AuthorisationDate = ReadDate(fieldPath);
                    break;
                default:
                    ReadSequence(fieldPath, FactorSlots, (_, factorPath) =>
                    {
                        var factor = ReadCode(factorPath, "assessment-factor", checkedByRule: false);
                        if (factor is not null)
                        {
                            assessment.Factors.Add(factor);
                        }
                    });
                    break;
            }
        });
        return assessment;
    }

    private Section47Enquiry ReadSection47(string path)
    {
        var enquiry = new Section47Enquiry { Line = _lines.LineNumber };
        ReadSequence(path, Section47Slots, (field, fieldPath) =>
        {
            switch (field)
            {
                case "S47ActualStartDate":
                    enquiry.StartDate = ReadDate(fieldPath);
                    break;
                case "InitialCPCtarget":
                    enquiry.InitialCpcTarget = ReadDate(fieldPath);
                    break;
                case "DateOfInitialCPC":
                    enquiry.DateOfInitialCpc = ReadDate(fieldPath);
                    break;
                default:
                    enquiry.IcpcNotRequired = ReadYesNo(fieldPath, checkedByRule: false);
                    break;
            }
        });
        return enquiry;
    }

    private ChildProtectionPlan ReadProtectionPlan(string path)
    {
        var plan = new ChildProtectionPlan { Line = _lines.LineNumber };
        ReadSequence(path, ProtectionPlanSlots, (field, fieldPath) =>
        {
            var line = _lines.LineNumber;
            switch (field)
            {
                case "CPPstartDate":
                    plan.StartDate = ReadDate(fieldPath);
                    break;
                case "CPPendDate":
                    plan.EndDate = ReadDate(fieldPath);
                    break;
                case "InitialCategoryOfAbuse":
                    plan.InitialCategoryOfAbuse = NullIfEmpty(ReadLeaf(fieldPath, intern: true));
                    break;
                case "LatestCategoryOfAbuse":
                    plan.LatestCategoryOfAbuse = NullIfEmpty(ReadLeaf(fieldPath, intern: true));
                    break;
                case "NumberOfPreviousCPP":
                    var text = ReadLeaf(fieldPath, intern: true);
                    if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                    {
                        plan.NumberOfPreviousCpp = number;
                    }
                    else if (text.Length > 0)
                    {
                        Structure(fieldPath, $"'{Shorten(text)}' is not a whole number of zero or more.", line);
                    }

                    break;
                default:
                    ReadSequence(fieldPath, ReviewSlots, (_, reviewPath) =>
                    {
                        var reviewLine = _lines.LineNumber;
                        plan.Reviews.Add(new CppReview(ReadDate(reviewPath), reviewLine));
                    });
                    break;
            }
        });
        return plan;
    }
}
