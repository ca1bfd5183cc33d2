using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
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
/// An Excel workbook written as a stream (OpenXML SAX writer): an "Issues" sheet with one row per issue, and a
/// "By rule" sheet with the count of each rule.
/// </summary>
public sealed class CinXlsxIssueWriter : ICinIssueWriter
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly WorksheetPart _issuesPart;
    private readonly OpenXmlWriter _issues;
    private readonly Dictionary<string, (CinSeverity Severity, string Message, long Count)> _byRule = new(StringComparer.Ordinal);

    public CinXlsxIssueWriter(Stream stream)
    {
        _document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        _workbook = _document.AddWorkbookPart();
        _issuesPart = _workbook.AddNewPart<WorksheetPart>();
        _issues = OpenXmlWriter.Create(_issuesPart);
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

        var byRulePart = _workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(byRulePart))
        {
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

        _workbook.Workbook = new Workbook(new Sheets(
            new Sheet { Id = _workbook.GetIdOfPart(_issuesPart), SheetId = 1, Name = "Issues" },
            new Sheet { Id = _workbook.GetIdOfPart(byRulePart), SheetId = 2, Name = "By rule" }));
        _workbook.Workbook.Save();
        _document.Dispose();
    }

    public void Dispose() => _document.Dispose();

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
