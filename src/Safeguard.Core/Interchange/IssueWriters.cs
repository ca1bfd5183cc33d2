using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Safeguard.Interchange;

/// <summary>
/// An issue found in a government return (the children in need census, the SSDA903 return), as the shared
/// writers report it: rule code, severity, message, the table it is in (null where the return has one table),
/// the child, the fields and the line.
/// </summary>
public interface IInterchangeIssue
{
    string Rule { get; }

    string SeverityText { get; }

    string Message { get; }

    /// <summary>How the by-rule summaries describe the rule (structural issues are grouped under one line).</summary>
    string SummaryMessage { get; }

    string? Table { get; }

    string? ChildId { get; }

    IReadOnlyList<string> Fields { get; }

    int? Line { get; }
}

/// <summary>What a validation run found overall, for the writers' closing summary; <see cref="NotImplemented"/> lists the rules not checked.</summary>
public sealed record IssueReportTotals(string Collection, long Children, long Errors, long Queries, IReadOnlyList<(string Rule, string Message)>? NotImplemented = null);

/// <summary>Writes issues as they are found, then a closing summary; nothing is held back, so any number of issues can be written.</summary>
public interface IIssueWriter : IDisposable
{
    void Write(IInterchangeIssue issue);

    void Complete(IssueReportTotals totals);
}

/// <summary>
/// JSON: an array of objects with exactly the fields <c>rule</c>, <c>severity</c> (ERROR, QUERY), <c>message</c>,
/// <c>childId</c> (null for whole-return rules), <c>fields</c> (array of element names) and <c>line</c> (null when
/// the issue has no place in the file).
/// </summary>
public sealed class JsonIssueWriter : IIssueWriter
{
    private readonly Utf8JsonWriter _json;
    private readonly bool _withTable;

    public JsonIssueWriter(Stream stream, bool withTable = false)
    {
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartArray();
        _withTable = withTable;
    }

    public void Write(IInterchangeIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        _json.WriteStartObject();
        _json.WriteString("rule", issue.Rule);
        _json.WriteString("severity", issue.SeverityText);
        _json.WriteString("message", issue.Message);
        if (_withTable)
        {
            _json.WriteString("table", issue.Table);
        }

        _json.WriteString("childId", issue.ChildId);
        _json.WriteStartArray("fields");
        foreach (var field in issue.Fields)
        {
            _json.WriteStringValue(field);
        }

        _json.WriteEndArray();
        if (issue.Line is { } line)
        {
            _json.WriteNumber("line", line);
        }
        else
        {
            _json.WriteNull("line");
        }

        _json.WriteEndObject();
        if (_json.BytesPending > 64 * 1024)
        {
            _json.Flush();
        }
    }

    public void Complete(IssueReportTotals totals)
    {
        _json.WriteEndArray();
        _json.Flush();
    }

    public void Dispose() => _json.Dispose();
}

/// <summary>CSV with a header row: rule, severity, message, childId, fields (separated by ;), line.</summary>
public sealed class CsvIssueWriter : IIssueWriter
{
    private readonly TextWriter _writer;
    private readonly bool _withTable;

    public CsvIssueWriter(TextWriter writer, bool withTable = false)
    {
        _writer = writer;
        _withTable = withTable;
        _writer.Write(withTable ? "rule,severity,message,table,childId,fields,line\n" : "rule,severity,message,childId,fields,line\n");
    }

    public void Write(IInterchangeIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        _writer.Write(Quote(issue.Rule));
        _writer.Write(',');
        _writer.Write(issue.SeverityText);
        _writer.Write(',');
        _writer.Write(Quoted(_messages, issue.Message));
        if (_withTable)
        {
            _writer.Write(',');
            _writer.Write(Quote(issue.Table ?? ""));
        }

        _writer.Write(',');
        _writer.Write(Quote(issue.ChildId ?? ""));
        _writer.Write(',');
        _writer.Write(Quoted(_fields, issue.Fields));
        _writer.Write(',');
        if (issue.Line is { } line)
        {
            Span<char> digits = stackalloc char[11];
            line.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
            _writer.Write(digits[..written]);
        }

        _writer.Write('\n');
    }

    // A rule's issues share their message and list of fields: each is quoted once (a few hundred rules, so the caches stay small).
    private const int Cached = 4096;
    private readonly Dictionary<string, string> _messages = new(StringComparer.Ordinal);
    private readonly Dictionary<IReadOnlyList<string>, string> _fields = new(ReferenceEqualityComparer.Instance);

    private static string Quoted(Dictionary<string, string> cache, string message)
    {
        if (!cache.TryGetValue(message, out var quoted))
        {
            quoted = Quote(message);
            if (cache.Count < Cached)
            {
                cache[message] = quoted;
            }
        }

        return quoted;
    }

    private static string Quoted(Dictionary<IReadOnlyList<string>, string> cache, IReadOnlyList<string> fields)
    {
        if (!cache.TryGetValue(fields, out var quoted))
        {
            quoted = Quote(string.Join(';', fields));
            if (cache.Count < Cached)
            {
                cache[fields] = quoted;
            }
        }

        return quoted;
    }

    public void Complete(IssueReportTotals totals) => _writer.Flush();

    public void Dispose()
    {
    }

    internal static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + (value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@') ? "'" : "") + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
}

/// <summary>
/// An Excel workbook written as a stream: an "Issues" sheet with one row per issue, and a "By rule" sheet with the
/// count of each rule. The package is written by hand as a zip in create mode (each part is streamed into it as
/// it is written, the rows through the OpenXML SAX writer): the SDK's own package keeps every part in memory
/// until it is saved, which for a million issues is hundreds of megabytes.
/// </summary>
public sealed class XlsxIssueWriter : IIssueWriter
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private readonly ZipArchive _zip;
    private readonly Stream _issuesEntry;
    private readonly OpenXmlWriter _issues;
    private readonly Dictionary<string, (string Severity, string Message, long Count)> _byRule = new(StringComparer.Ordinal);
    private readonly bool _withTable;
    private bool _complete;

    public XlsxIssueWriter(Stream stream, bool withTable = false)
    {
        _withTable = withTable;
        _zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Entry("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>
            """);
        Entry("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Entry("xl/workbook.xml", $"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="{MainNamespace}" xmlns:r="{RelationshipNamespace}"><sheets><sheet name="Issues" sheetId="1" r:id="rId1"/><sheet name="By rule" sheetId="2" r:id="rId2"/></sheets></workbook>
            """);
        Entry("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>
            """);
        _issuesEntry = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        _issues = OpenXmlWriter.Create(_issuesEntry);
        _issues.WriteStartDocument();
        _issues.WriteStartElement(new Worksheet());
        _issues.WriteStartElement(new SheetData());
        if (withTable)
        {
            Row(_issues, "Rule", "Severity", "Message", "Table", "Child id", "Fields", "Line");
        }
        else
        {
            Row(_issues, "Rule", "Severity", "Message", "Child id", "Fields", "Line");
        }
    }

    public void Write(IInterchangeIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var line = issue.Line?.ToString(CultureInfo.InvariantCulture) ?? "";
        if (_withTable)
        {
            Row(_issues, issue.Rule, issue.SeverityText, issue.Message, issue.Table ?? "", issue.ChildId ?? "", string.Join(", ", issue.Fields), line);
        }
        else
        {
            Row(_issues, issue.Rule, issue.SeverityText, issue.Message, issue.ChildId ?? "", string.Join(", ", issue.Fields), line);
        }

        var known = _byRule.GetValueOrDefault(issue.Rule, (issue.SeverityText, issue.SummaryMessage, 0));
        _byRule[issue.Rule] = (known.Severity, known.Message, known.Count + 1);
    }

    public void Complete(IssueReportTotals totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        _issues.WriteEndElement();
        _issues.WriteEndElement();
        _issues.Close();
        _issuesEntry.Dispose();

        using (var entry = _zip.CreateEntry("xl/worksheets/sheet2.xml", CompressionLevel.Fastest).Open())
        using (var writer = OpenXmlWriter.Create(entry))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            Row(writer, "Rule", "Severity", "Issues", "Message");
            foreach (var (rule, (severity, message, count)) in _byRule.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                Row(writer, rule, severity, count.ToString(CultureInfo.InvariantCulture), message);
            }

            Row(writer, "Children", totals.Children.ToString(CultureInfo.InvariantCulture), "", $"collection {totals.Collection}");
            foreach (var (rule, message) in totals.NotImplemented ?? [])
            {
                Row(writer, rule, "not checked", "", message);
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        _complete = true;
        _zip.Dispose();
    }

    public void Dispose()
    {
        if (!_complete)
        {
            _issues.Dispose();
            _issuesEntry.Dispose();
            _zip.Dispose();
        }
    }

    private void Entry(string name, string xml)
    {
        using var entry = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(Encoding.UTF8.GetBytes(xml));
    }

    private static void Row(OpenXmlWriter writer, params string[] cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var text in cells)
        {
            writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });
        }

        writer.WriteEndElement();
    }
}
