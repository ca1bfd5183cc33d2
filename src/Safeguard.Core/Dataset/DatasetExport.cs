using System.Globalization;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

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

    private static async Task WriteCsvAsync(DatasetResult result, Stream stream, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', Headings.Select(Quote)));
        foreach (var row in result.Rows)
        {
            string[] cells =
            [
                row.Indicator.Code, row.Indicator.Title, Describe(row.Indicator.Unit), Describe(row.Indicator.Aggregation), row.Indicator.Source.ToString(),
                Show(row.Q1), Show(row.Q2), Show(row.Q3), Show(row.Q4), Show(row.Year), Show(row.PreviousYear), Show(row.Difference),
                string.Join("; ", row.Gaps.Select(GapText)),
            ];
            text.AppendLine(string.Join(',', cells.Select(Quote)));
        }

        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        await stream.WriteAsync(bytes, cancellationToken);
    }

    public static string Show(decimal? value) => value is { } v ? Normalise(v).ToString(CultureInfo.InvariantCulture) : "";

    // A cell starting with = + - or @ is text, not a formula, when the file is opened in a spreadsheet.
    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || (value.Length > 0 && "=+@".Contains(value[0], StringComparison.Ordinal)) || (value.StartsWith('-') && !decimal.TryParse(value, CultureInfo.InvariantCulture, out _))
            ? "\"" + ("=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" : "") + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;

    private static void WriteXlsx(DatasetResult result, Stream stream)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            Row(writer, [.. Headings.Select(h => Text(h))]);
            foreach (var row in result.Rows)
            {
                Row(writer,
                [
                    Text(row.Indicator.Code), Text(row.Indicator.Title), Text(Describe(row.Indicator.Unit)), Text(Describe(row.Indicator.Aggregation)), Text(row.Indicator.Source.ToString()),
                    Value(row.Q1), Value(row.Q2), Value(row.Q3), Value(row.Q4), Value(row.Year), Value(row.PreviousYear), Value(row.Difference),
                    Text(string.Join("; ", row.Gaps.Select(GapText))),
                ]);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = $"Dataset {result.Year.Name}" }));
        workbook.Workbook.Save();
    }

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)) };

    private static Cell Value(decimal? value) =>
        value is { } v ? new Cell { DataType = CellValues.Number, CellValue = new CellValue(Normalise(v)) } : new Cell();

    private static void Row(OpenXmlWriter writer, Cell[] cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }
}
