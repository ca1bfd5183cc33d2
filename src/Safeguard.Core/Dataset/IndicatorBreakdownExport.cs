using System.Globalization;
using Safeguard.Calendar;

namespace Safeguard.Dataset;

/// <summary>
/// Writes a drill-down as a file, showing what its page shows: the counts (the figure and how it is made) for
/// every reader, and the records with their children only when <c>children</c> is given (the reader may see
/// children's records). A restricted child the reader is not named on is "Restricted record", with no id.
/// XLSX has a "Counts" sheet and, with children, a "Records" sheet; CSV is one table with a Kind column
/// (<c>Count</c> or <c>Record</c>).
/// </summary>
public static class IndicatorBreakdownExport
{
    /// <summary>How a record whose child is not yet identified (a contact) is shown, as on the page.</summary>
    public const string UnidentifiedChild = "A child not yet identified";

    public static readonly IReadOnlyList<string> CountHeadings = ["Measure", "Value"];

    public static readonly IReadOnlyList<string> RecordHeadings = ["Child ID", "Child", "What was counted", "Date", "Counted in", "Working days"];

    /// <summary>Writes CSV or XLSX (<see cref="DatasetFormat.Json"/> is not a drill-down format).</summary>
    public static async Task WriteAsync(IndicatorBreakdownResult result, IReadOnlyDictionary<Guid, DrillDownChild>? children, DatasetFormat format, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        if (format == DatasetFormat.Csv)
        {
            IReadOnlyList<string> headings = children is null ? ["Kind", .. CountHeadings] : ["Kind", .. CountHeadings, .. RecordHeadings];
            var padding = children is null ? 0 : RecordHeadings.Count;
            var rows = Counts(result).Select(r => (IReadOnlyList<object?>)["Count", .. r, .. Enumerable.Repeat<object?>(null, padding)]);
            if (children is not null)
            {
                rows = rows.Concat(Records(result, children).Select(r => (IReadOnlyList<object?>)["Record", null, null, .. r]));
            }

            await Spreadsheet.WriteCsvAsync(stream, headings, rows, cancellationToken);
            return;
        }

        SpreadsheetSheet[] sheets = children is null
            ? [new("Counts", CountHeadings, Counts(result))]
            : [new("Counts", CountHeadings, Counts(result)), new("Records", RecordHeadings, Records(result, children))];
        Spreadsheet.WriteXlsx(stream, sheets);
    }

    /// <summary>The file's name: <c>breakdown-5.2-2025-26-Q2.csv</c>.</summary>
    public static string FileName(IndicatorBreakdownResult result, DatasetFormat format)
    {
        ArgumentNullException.ThrowIfNull(result);
        return $"breakdown-{result.Indicator.Code}-{result.Quarter.Name.Replace(' ', '-')}.{format.ToString().ToLowerInvariant()}";
    }

    /// <summary>The figure, how it is made and the numbers it is made from, as the page's summary shows them.</summary>
    private static IEnumerable<IReadOnlyList<object?>> Counts(IndicatorBreakdownResult result)
    {
        var b = result.Breakdown;
        var quarter = result.Quarter;
        yield return ["Indicator", $"{result.Indicator.Code} {result.Indicator.Title}"];
        yield return ["Quarter", $"{quarter.Name} ({Iso(quarter.Start)} to {Iso(quarter.End)})"];
        yield return ["As known at", UkTime.ToUkLocal(result.AsAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)];
        yield return ["How the figure is made", IndicatorBreakdown.Describe(b.Kind)];
        yield return ["Figure", result.Figure is { } figure ? (object)figure : $"No figure: {result.MissingReason}"];
        if (b.Kind == FigureKind.Percentage)
        {
            yield return ["Numerator", b.Numerator];
            yield return ["Denominator", b.Denominator];
        }
        else
        {
            yield return ["Records counted", b.Denominator];
        }

        if (b.Kind == FigureKind.AverageWorkingDays)
        {
            yield return ["Working days in all", b.TotalWorkingDays];
        }
    }

    /// <summary>Each record counted, oldest first, with its children as the reader may see them.</summary>
    private static IEnumerable<IReadOnlyList<object?>> Records(IndicatorBreakdownResult result, IReadOnlyDictionary<Guid, DrillDownChild> children)
    {
        var percentage = result.Breakdown.Kind == FigureKind.Percentage;
        foreach (var record in result.Breakdown.Records.OrderBy(r => r.Date))
        {
            var named = record.Children.Select(id => children[id]).ToList();
            yield return
            [
                string.Join("; ", named.Where(c => c.Name is not null).Select(c => c.Id.ToString())),
                named.Count == 0 ? UnidentifiedChild : string.Join("; ", named.Select(c => c.DisplayName)),
                record.Event,
                Iso(record.Date),
                percentage ? (record.InNumerator ? "Numerator and denominator" : "Denominator only") : null,
                record.WorkingDays,
            ];
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
