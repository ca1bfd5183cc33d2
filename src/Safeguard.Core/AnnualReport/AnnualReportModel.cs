using Safeguard.Auditing;
using Safeguard.Common;

namespace Safeguard.AnnualReport;

/// <summary>One piece of a section's content: a subheading, a paragraph, a table or a bar chart.</summary>
public abstract record ReportBlock;

public sealed record ReportSubheading(string Text) : ReportBlock;

public sealed record ReportParagraph(string Text) : ReportBlock;

public sealed record ReportTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : ReportBlock;

/// <summary>One bar of a chart: a label and a value.</summary>
public sealed record ChartBar(string Label, decimal Value);

/// <summary>A bar chart drawn into the DOCX (a DrawingML chart) and the PDF (drawn shapes); one series.</summary>
public sealed record ReportChart(string Title, string ValueName, IReadOnlyList<ChartBar> Bars) : ReportBlock;

/// <summary>
/// A section of the annual report as built from the records for a reporting year. <see cref="HasRecords"/> is false
/// when the area holds nothing for the year: the section then says so plainly and nothing is invented.
/// </summary>
public sealed record ReportSection(string Key, string Title, int Order, bool HasRecords, IReadOnlyList<ReportBlock> Blocks)
{
    public const string NoRecordsText = "No records yet: Safeguard holds no records for this section in this reporting year.";

    /// <summary>A section with nothing to report for the year.</summary>
    public static ReportSection NoRecords(IAnnualReportSection section, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return new(section.Key, section.Title, section.Order, false, [new ReportParagraph(what is null ? NoRecordsText : $"No records yet: {what}")]);
    }
}

/// <summary>What a section builder is given: the reporting year and who asks (figures read from children's records are audited under them).</summary>
public sealed record AnnualReportRequest(ReportingYear Year, Actor Actor);

/// <summary>
/// One area's contribution to the partnership's annual report. An area adds its section by registering a class
/// implementing this in DI (<c>services.AddScoped&lt;IAnnualReportSection, MySection&gt;()</c>); the report puts the
/// sections in <see cref="Order"/> and keys the business unit's narrative to <see cref="Key"/>.
/// </summary>
public interface IAnnualReportSection
{
    /// <summary>Stable key (lower case, hyphens): narratives are stored against it.</summary>
    string Key { get; }

    string Title { get; }

    /// <summary>Where the section goes in the report (10, 20...; appendices from 900).</summary>
    int Order { get; }

    /// <summary>The section's content for the year from the records, or <see cref="ReportSection.NoRecords"/>.</summary>
    Task<ReportSection> BuildAsync(AnnualReportRequest request, CancellationToken cancellationToken);
}

/// <summary>A section of the assembled report: its content from the records and the business unit's narrative.</summary>
public sealed record AssembledSection(ReportSection Content, string? Narrative);

/// <summary>The assembled annual report for a reporting year.</summary>
public sealed record AssembledReport(
    ReportingYear Year,
    string AreaName,
    EditionStatus Status,
    IReadOnlyList<AnnualReportSignOff> SignOffs,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<AssembledSection> Sections)
{
    public string Title => $"{AreaName} Safeguarding Children Partnership: annual report {Year.Name}";
}

/// <summary>
/// A written annual report: the file's name, content type and bytes. <see cref="IsPublished"/> says whether it is the
/// edition frozen at publication (then <see cref="PublishedAt"/> and <see cref="PublishedBy"/> are set) or a render
/// of the records as they stand now.
/// </summary>
public sealed record ReportFile(
    string FileName,
    string ContentType,
    byte[] Content,
    string Sha256,
    bool IsPublished,
    DateTimeOffset? PublishedAt,
    string? PublishedBy);
