using System.Globalization;
using System.Text.Json;

namespace Safeguard.Dataset;

/// <summary>The formats the dataset is written in.</summary>
public enum DatasetFormat
{
    Csv,
    Json,
    Xlsx,
}

/// <summary>
/// Writes a computed dataset. JSON is an array of objects with exactly the fields <c>id</c>, <c>title</c>,
/// <c>unit</c>, <c>aggregation</c>, <c>source</c>, <c>q1</c>…<c>q4</c>, <c>year</c>, <c>previousYear</c>,
/// <c>difference</c> and <c>gaps</c> (each <c>{period, agency, reason}</c>); a value not known is <c>null</c>.
/// </summary>
public static class DatasetExport
{
    private static readonly string[] Headings = ["Indicator", "Title", "Unit", "Aggregation", "Source", "Q1", "Q2", "Q3", "Q4", "Year", "Previous year", "Difference", "Gaps"];

    public static async Task WriteAsync(DatasetResult result, DatasetFormat format, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        switch (format)
        {
            case DatasetFormat.Json:
                await WriteJsonAsync(result, stream, cancellationToken);
                break;
            case DatasetFormat.Csv:
                await WriteCsvAsync(result, stream, cancellationToken);
                break;
            default:
                WriteXlsx(result, stream);
                break;
        }
    }

    public static string Describe(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percentage => "percentage",
        IndicatorUnit.RatePer10000 => "rate per 10,000 children",
        IndicatorUnit.RatePer1000LiveBirths => "rate per 1,000 live births",
        IndicatorUnit.WorkingDays => "working days",
        _ => "count",
    };

    public static string Describe(IndicatorAggregation aggregation) => aggregation switch
    {
        IndicatorAggregation.Total => "Total",
        IndicatorAggregation.Average => "Average",
        IndicatorAggregation.QuarterEnd => "Quarter end",
        IndicatorAggregation.MonthEnd => "Month end",
        _ => "Annual",
    };

    public static string GapText(DatasetGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        return gap.Agency is null ? $"{gap.Period}: {gap.Reason}" : $"{gap.Period} ({gap.Agency}): {gap.Reason}";
    }

    private static async Task WriteJsonAsync(DatasetResult result, Stream stream, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartArray();
        foreach (var row in result.Rows)
        {
            writer.WriteStartObject();
            writer.WriteString("id", row.Indicator.Code);
            writer.WriteString("title", row.Indicator.Title);
            writer.WriteString("unit", row.Indicator.Unit.ToString());
            writer.WriteString("aggregation", row.Indicator.Aggregation.ToString());
            writer.WriteString("source", row.Indicator.Source.ToString());
            Number(writer, "q1", row.Q1);
            Number(writer, "q2", row.Q2);
            Number(writer, "q3", row.Q3);
            Number(writer, "q4", row.Q4);
            Number(writer, "year", row.Year);
            Number(writer, "previousYear", row.PreviousYear);
            Number(writer, "difference", row.Difference);
            writer.WriteStartArray("gaps");
            foreach (var gap in row.Gaps)
            {
                writer.WriteStartObject();
                writer.WriteString("period", gap.Period);
                if (gap.Agency is null)
                {
                    writer.WriteNull("agency");
                }
                else
                {
                    writer.WriteString("agency", gap.Agency);
                }

                writer.WriteString("reason", gap.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
    }

    private static void Number(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, Normalise(v));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Drops the trailing zeros a database's numeric scale adds (100.0000 → 100).</summary>
    public static decimal Normalise(decimal value) => value / 1.0000000000000000000000000000m;

    private static Task WriteCsvAsync(DatasetResult result, Stream stream, CancellationToken cancellationToken) =>
        Spreadsheet.WriteCsvAsync(stream, Headings, Cells(result), cancellationToken);

    public static string Show(decimal? value) => value is { } v ? Normalise(v).ToString(CultureInfo.InvariantCulture) : "";

    private static void WriteXlsx(DatasetResult result, Stream stream) =>
        Spreadsheet.WriteXlsx(stream, new SpreadsheetSheet($"Dataset {result.Year.Name}", Headings, Cells(result)));

    private static IEnumerable<IReadOnlyList<object?>> Cells(DatasetResult result) => result.Rows.Select(row => (IReadOnlyList<object?>)
    [
        row.Indicator.Code, row.Indicator.Title, Describe(row.Indicator.Unit), Describe(row.Indicator.Aggregation), row.Indicator.Source.ToString(),
        row.Q1, row.Q2, row.Q3, row.Q4, row.Year, row.PreviousYear, row.Difference,
        string.Join("; ", row.Gaps.Select(GapText)),
    ]);
}
