using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Safeguard.Interchange.Cin;

/// <summary>Writes issues as they are found, then a closing summary; nothing is held back, so any number of issues can be written.</summary>
public interface ICinIssueWriter : IDisposable
{
    void Write(CinIssue issue);

    void Complete(CinValidationSummary summary);
}

/// <summary>
/// JSON: an array of objects with exactly the fields <c>rule</c>, <c>severity</c> (ERROR, QUERY), <c>message</c>,
/// <c>childId</c> (null for whole-return rules), <c>fields</c> (array of element names) and <c>line</c> (null when
/// the issue has no place in the file).
/// </summary>
public sealed class CinJsonIssueWriter : ICinIssueWriter
{
    private readonly Utf8JsonWriter _json;

    public CinJsonIssueWriter(Stream stream)
    {
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        _json.WriteStartArray();
    }

    public void Write(CinIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        _json.WriteStartObject();
        _json.WriteString("rule", issue.Rule);
        _json.WriteString("severity", issue.SeverityText);
        _json.WriteString("message", issue.Message);
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

    public void Complete(CinValidationSummary summary)
    {
        _json.WriteEndArray();
        _json.Flush();
    }

    public void Dispose() => _json.Dispose();
}

/// <summary>CSV with a header row: rule, severity, message, childId, fields (separated by ;), line.</summary>
public sealed class CinCsvIssueWriter : ICinIssueWriter
{
    private readonly TextWriter _writer;

    public CinCsvIssueWriter(TextWriter writer)
    {
        _writer = writer;
        _writer.Write("rule,severity,message,childId,fields,line\n");
    }

    public void Write(CinIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        _writer.Write(string.Join(',', Quote(issue.Rule), issue.SeverityText, Quote(issue.Message), Quote(issue.ChildId ?? ""), Quote(string.Join(';', issue.Fields)),
            issue.Line?.ToString(CultureInfo.InvariantCulture) ?? ""));
        _writer.Write('\n');
    }

    public void Complete(CinValidationSummary summary) => _writer.Flush();

    public void Dispose()
    {
    }

    private static string Quote(string value) =>
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
public sealed class CinXlsxIssueWriter : ICinIssueWriter
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private readonly ZipArchive _zip;
    private readonly Stream _issuesEntry;
    private readonly OpenXmlWriter _issues;
    private readonly Dictionary<string, (CinSeverity Severity, string Message, long Count)> _byRule = new(StringComparer.Ordinal);
    private bool _complete;

    public CinXlsxIssueWriter(Stream stream)
    {
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
        Row(_issues, "Rule", "Severity", "Message", "Child id", "Fields", "Line");
    }

    public void Write(CinIssue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        Row(_issues, issue.Rule, issue.SeverityText, issue.Message, issue.ChildId ?? "", string.Join(", ", issue.Fields), issue.Line?.ToString(CultureInfo.InvariantCulture) ?? "");
        var known = _byRule.GetValueOrDefault(issue.Rule, (issue.Severity, issue.Rule == CinIssue.StructureRule ? CinIssue.StructureSummary : issue.Message, 0));
        _byRule[issue.Rule] = (known.Severity, known.Message, known.Count + 1);
    }

    public void Complete(CinValidationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
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
                Row(writer, rule, severity == CinSeverity.Error ? "ERROR" : "QUERY", count.ToString(CultureInfo.InvariantCulture), message);
            }

            Row(writer, "Children", summary.Children.ToString(CultureInfo.InvariantCulture), "", $"collection {summary.Collection.Name}");
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
