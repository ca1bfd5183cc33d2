using System.IO.Compression;
using System.Security;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Safeguard.Interchange.AnnexA;

/// <summary>
/// The Annex A workbook written as a stream: one worksheet per list, in order, each with the template's header row and
/// then its rows as they come. Like the census issue writer, the package is a zip in create mode with each worksheet
/// streamed into it through the OpenXML SAX writer, so a large area's lists are never held in memory.
/// </summary>
public sealed class AnnexAWorkbook : IDisposable
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private readonly ZipArchive _zip;
    private readonly IReadOnlyList<AnnexAList> _lists;
    private Stream? _entry;
    private OpenXmlWriter? _sheet;
    private AnnexAList? _current;
    private int _next;

    public AnnexAWorkbook(Stream stream, IReadOnlyList<AnnexAList> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        _lists = lists;
        _zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        var overrides = string.Concat(lists.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
        Entry("[Content_Types].xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{overrides}</Types>""");
        Entry("_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        var sheets = string.Concat(lists.Select((l, i) => $"<sheet name=\"{SecurityElement.Escape(l.SheetName)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>"));
        Entry("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{MainNamespace}" xmlns:r="{RelationshipNamespace}"><sheets>{sheets}</sheets></workbook>""");
        var rels = string.Concat(lists.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"));
        Entry("xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>""");
    }

    /// <summary>Starts the next list's worksheet with its header row (lists are written in the order given).</summary>
    public void BeginList(AnnexAList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        EndList();
        if (_next >= _lists.Count || _lists[_next].Number != list.Number)
        {
            throw new InvalidOperationException($"List {list.Number} is not the next list of the workbook.");
        }

        _next++;
        _current = list;
        _entry = _zip.CreateEntry($"xl/worksheets/sheet{_next}.xml", CompressionLevel.Fastest).Open();
        _sheet = OpenXmlWriter.Create(_entry);
        _sheet.WriteStartDocument();
        _sheet.WriteStartElement(new Worksheet());
        _sheet.WriteStartElement(new SheetData());
        WriteCells(list.Columns.Select(c => (string?)c.Name).ToArray(), header: true);
    }

    /// <summary>One row of the current list, its values in the list's column order (null for a blank cell).</summary>
    public void Row(IReadOnlyList<string?> values) => WriteCells(values, header: false);

    public void Complete()
    {
        EndList();
        while (_next < _lists.Count)
        {
            BeginList(_lists[_next]);
            EndList();
        }

        _zip.Dispose();
    }

    public void Dispose()
    {
        _sheet?.Dispose();
        _entry?.Dispose();
        _zip.Dispose();
    }

    private void WriteCells(IReadOnlyList<string?> values, bool header)
    {
        var sheet = _sheet ?? throw new InvalidOperationException("Begin a list before writing its rows.");
        sheet.WriteStartElement(new Row());
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value is null)
            {
                sheet.WriteElement(new Cell());
            }
            else if (!header && _current!.Columns[i].Kind == "integer")
            {
                sheet.WriteElement(new Cell { DataType = CellValues.Number, CellValue = new CellValue(value) });
            }
            else
            {
                sheet.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value)) });
            }
        }

        sheet.WriteEndElement();
    }

    private void EndList()
    {
        if (_sheet is null)
        {
            return;
        }

        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.Close();
        _sheet = null;
        _entry!.Dispose();
        _entry = null;
    }

    private void Entry(string name, string xml)
    {
        using var entry = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(Encoding.UTF8.GetBytes(xml));
    }
}
