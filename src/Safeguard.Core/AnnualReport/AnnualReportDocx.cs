using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Safeguard.AnnualReport;

/// <summary>
/// Writes the assembled annual report as a Word document: headings use the built-in Heading 1/2 styles (navigation
/// pane and table of contents), tables have header rows, and each chart is a DrawingML bar chart with its data.
/// </summary>
public static class AnnualReportDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(AssembledReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = report.Title;
            document.PackageProperties.Language = "en-GB";
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);
            Styled(body, report.Title, "Title");
            Text(body, $"Reporting year 1 April {report.Year.StartYear} to 31 March {report.Year.StartYear + 1}. Status: {AnnualReportService.Describe(report.Status)}.");
            foreach (var s in report.SignOffs)
            {
                Text(body, $"Signed off for {AnnualReportService.PartnerName(s.Partner)} by {s.Signatory} on {s.SignedAt.UtcDateTime:d MMMM yyyy}.");
            }

            var chart = 0u;
            foreach (var section in report.Sections)
            {
                Styled(body, section.Content.Title, "Heading1");
                if (section.Narrative is { } narrative)
                {
                    foreach (var line in narrative.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                    {
                        Text(body, line);
                    }
                }

                foreach (var block in section.Content.Blocks)
                {
                    switch (block)
                    {
                        case ReportSubheading h: Styled(body, h.Text, "Heading2"); break;
                        case ReportParagraph p: Text(body, p.Text); break;
                        case ReportTable t: Table(body, t); break;
                        case ReportChart c when c.Bars.Count > 0: Chart(main, body, c, ++chart); break;
                        default: break;
                    }
                }
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new Languages { Val = "en-GB" }, new FontSize { Val = "22" }))),
            Style("Title", "Title", 40),
            Style("Heading1", "heading 1", 32, outline: 0),
            Style("Heading2", "heading 2", 26, outline: 1));
    }

    private static Style Style(string id, string name, int halfPoints, int? outline = null)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }

        return new Style(new StyleName { Val = name }, new PrimaryStyle(), paragraph,
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }

    private static void Styled(Body body, string text, string style) =>
        body.AppendChild(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

    private static void Text(Body body, string text) =>
        body.AppendChild(new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

    private static void Table(Body body, ReportTable t)
    {
        if (t.Rows.Count == 0)
        {
            Text(body, $"{t.Caption}: none.");
            return;
        }

        body.AppendChild(new Paragraph(new Run(new RunProperties(new Bold()), new Text(t.Caption))));
        var border = new EnumValue<BorderValues>(BorderValues.Single);
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 }, new BottomBorder { Val = border, Size = 4 },
                new LeftBorder { Val = border, Size = 4 }, new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 }, new InsideVerticalBorder { Val = border, Size = 4 })));
        table.AppendChild(Row(t.Headers, header: true));
        foreach (var row in t.Rows)
        {
            table.AppendChild(Row(row, header: false));
        }

        body.AppendChild(table);
        body.AppendChild(new Paragraph());
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.AppendChild(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            row.AppendChild(new TableCell(new Paragraph(new Run(header ? new RunProperties(new Bold()) : new RunProperties(), new Text(cell) { Space = SpaceProcessingModeValues.Preserve }))));
        }

        return row;
    }

    /// <summary>A clustered bar chart (DrawingML) with the chart's title, labels and values, inline in its own paragraph.</summary>
    private static void Chart(MainDocumentPart main, Body body, ReportChart chart, uint number)
    {
        var part = main.AddNewPart<ChartPart>();
        var id = main.GetIdOfPart(part);
        var labels = new C.StringLiteral(new C.PointCount { Val = (uint)chart.Bars.Count });
        var values = new C.NumberLiteral(new C.FormatCode("General"), new C.PointCount { Val = (uint)chart.Bars.Count });
        for (var i = 0; i < chart.Bars.Count; i++)
        {
            labels.Append(new C.StringPoint(new C.NumericValue(chart.Bars[i].Label)) { Index = (uint)i });
            values.Append(new C.NumericPoint(new C.NumericValue(chart.Bars[i].Value.ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
        }

        var series = new C.BarChartSeries(
            new C.Index { Val = 0 }, new C.Order { Val = 0 },
            new C.SeriesText(new C.NumericValue(chart.ValueName)),
            new C.CategoryAxisData(labels),
            new C.Values(values));
        var bar = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false },
            series,
            new C.DataLabels(new C.ShowLegendKey { Val = false }, new C.ShowValue { Val = true }, new C.ShowCategoryName { Val = false }, new C.ShowSeriesName { Val = false }, new C.ShowPercent { Val = false }, new C.ShowBubbleSize { Val = false }),
            new C.AxisId { Val = 1 }, new C.AxisId { Val = 2 });
        var plot = new C.PlotArea(
            new C.Layout(),
            bar,
            new C.CategoryAxis(new C.AxisId { Val = 1 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }), new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Left }, new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = 2 }, new C.Crosses { Val = C.CrossesValues.AutoZero }),
            new C.ValueAxis(new C.AxisId { Val = 2 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }), new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Bottom }, new C.MajorGridlines(), new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo }, new C.CrossingAxis { Val = 1 }, new C.Crosses { Val = C.CrossesValues.Maximum }));
        part.ChartSpace = new C.ChartSpace(
            new C.EditingLanguage { Val = "en-GB" },
            new C.RoundedCorners { Val = false },
            new C.Chart(
                new C.Title(new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(), new A.Paragraph(new A.Run(new A.Text(chart.Title))))), new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false },
                plot,
                new C.PlotVisibleOnly { Val = true }));
        part.ChartSpace.Save();

        const long width = 5_760_000; // 16 cm in EMUs
        long height = Math.Min(9_000_000, 720_000 + (chart.Bars.Count * 360_000L));
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = width, Cy = height },
            new DW.DocProperties { Id = number, Name = $"Chart {number}", Description = $"Bar chart: {chart.Title}. " + string.Join("; ", chart.Bars.Select(b => $"{b.Label} {ReportText.N(b.Value)}")) },
            new A.Graphic(new A.GraphicData(new C.ChartReference { Id = id }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });
        body.AppendChild(new Paragraph(new Run(drawing)));
    }
}
