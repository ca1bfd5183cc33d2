namespace Safeguard.Interchange.Cin;

/// <summary>Writes census issues as they are found, then a closing summary; the formats are the shared writers of <see cref="IIssueWriter"/>.</summary>
public interface ICinIssueWriter : IDisposable
{
    void Write(CinIssue issue);

    void Complete(CinValidationSummary summary);
}

/// <summary>Adapts a shared issue writer to the census's issues and summary.</summary>
public abstract class CinIssueWriter(IIssueWriter inner) : ICinIssueWriter
{
    public void Write(CinIssue issue) => inner.Write(issue);

    public void Complete(CinValidationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        inner.Complete(new IssueReportTotals(summary.Collection.Name, summary.Children, summary.Errors, summary.Queries));
    }

    public void Dispose()
    {
        inner.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// JSON: an array of objects with exactly the fields <c>rule</c>, <c>severity</c> (ERROR, QUERY), <c>message</c>,
/// <c>childId</c> (null for whole-return rules), <c>fields</c> (array of element names) and <c>line</c> (null when
/// the issue has no place in the file).
/// </summary>
public sealed class CinJsonIssueWriter(Stream stream) : CinIssueWriter(new JsonIssueWriter(stream));

/// <summary>CSV with a header row: rule, severity, message, childId, fields (separated by ;), line.</summary>
public sealed class CinCsvIssueWriter(TextWriter writer) : CinIssueWriter(new CsvIssueWriter(writer));

/// <summary>An Excel workbook written as a stream: an "Issues" sheet and a "By rule" sheet (see <see cref="XlsxIssueWriter"/>).</summary>
public sealed class CinXlsxIssueWriter(Stream stream) : CinIssueWriter(new XlsxIssueWriter(stream));
