using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Safeguard.Dataset;

/// <summary>One sheet of a workbook: headings, then rows whose cells are text (<see cref="string"/>), numbers (<see cref="decimal"/>) or empty (null).</summary>
public sealed record SpreadsheetSheet(string Name, IReadOnlyList<string> Headings, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// The one writer of the dataset's tables as files: XLSX (DocumentFormat.OpenXml, streamed) and CSV (UTF-8 with a
/// byte order mark so that Excel reads it as UTF-8, and with cells that would be formulas made text).
/// </summary>
public static class Spreadsheet
{
    /// <summary>The media type of an XLSX workbook.</summary>
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void WriteXlsx(Stream stream, params IReadOnlyList<SpreadsheetSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sheets);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var list = new Sheets();
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                Row(writer, [.. sheet.Headings.Select(Text)]);
                foreach (var row in sheet.Rows)
                {
                    Row(writer, [.. row.Select(Cell)]);
                }

                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            list.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = sheetId++, Name = SheetName(sheet.Name) });
        }

        workbook.Workbook = new Workbook(list);
        workbook.Workbook.Save();
    }

    public static async Task WriteCsvAsync(Stream stream, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(headings);
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', headings.Select(Quote)));
        foreach (var row in rows)
        {
            text.AppendLine(string.Join(',', row.Select(c => Quote(c switch
            {
                null => "",
                decimal d => DatasetExport.Show(d),
                _ => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "",
            }))));
        }

        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true).GetPreamble().Concat(Encoding.UTF8.GetBytes(text.ToString())).ToArray();
        await stream.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>
    /// A cell as CSV, quoted where needed. A cell a spreadsheet would take for a formula (starting with = + @, a tab
    /// or a carriage return, or - when it is not a number) is made text with a leading apostrophe.
    /// </summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var formula = value.Length > 0 && ("=+@\t\r".Contains(value[0], StringComparison.Ordinal) || (value[0] == '-' && !decimal.TryParse(value, CultureInfo.InvariantCulture, out _)));
        return formula || value.IndexOfAny([',', '"', '\n', '\r']) >= 0
            ? "\"" + (formula ? "'" : "") + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    /// <summary>Excel's rules: at most 31 characters and none of : \ / ? * [ ].</summary>
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(c => ":\\/?*[]".Contains(c, StringComparison.Ordinal) ? '-' : c)]);
        return clean.Length > 31 ? clean[..31] : clean;
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(DatasetExport.Normalise(d)) },
        int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i) },
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static Cell Text(string text) => new() { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text)) };

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
