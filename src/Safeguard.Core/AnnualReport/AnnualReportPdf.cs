using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Safeguard.Common;

namespace Safeguard.AnnualReport;

/// <summary>
/// Writes the assembled annual report as a tagged PDF (PDFsharp's structure builder, ADR 0081): A4 pages, the document's
/// title (shown as the window title) and language (en-GB), a bookmark (outline) for each section, the report's title
/// tagged H1, sections H2 and subheadings H3, paragraphs P, tables Table/TR/TH/TD (split at a page break with the header
/// row repeated), and each chart a Figure whose alternative text gives every bar's label and value. Cell borders and
/// shading are artifacts.
/// </summary>
public static class AnnualReportPdf
{
    public const string ContentType = "application/pdf";

    public const string Language = "en-GB";

    public static byte[] Write(AssembledReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        PdfFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Subject = $"Reporting year {report.Year.Name}";
        document.Info.Author = $"{report.AreaName} Safeguarding Children Partnership";
        document.Language = Language;
        document.ViewerPreferences.DisplayDocTitle = true;
        var accessibility = UAManager.ForDocument(document);
        accessibility.SetDocumentLanguage(Language);
        var writer = new Writer(document, accessibility.StructureBuilder);
        writer.Text(report.Title, writer.TitleFont, 8, PdfBlockLevelElementTag.Heading1);
        writer.Text($"Reporting year 1 April {report.Year.StartYear} to 31 March {report.Year.StartYear + 1}. Status: {AnnualReportService.Describe(report.Status)}.", writer.Body, 4);
        foreach (var s in report.SignOffs)
        {
            writer.Text($"Signed off for {AnnualReportService.PartnerName(s.Partner)} by {s.Signatory} on {s.SignedAt.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.", writer.Body, 2);
        }

        foreach (var section in report.Sections)
        {
            writer.NewPage();
            document.Outlines.Add(section.Content.Title, writer.Page, true);
            writer.Text(section.Content.Title, writer.Heading1, 6, PdfBlockLevelElementTag.Heading2);
            if (section.Narrative is { } narrative)
            {
                foreach (var line in narrative.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    writer.Text(line, writer.Body, 4);
                }
            }

            foreach (var block in section.Content.Blocks)
            {
                switch (block)
                {
                    case ReportSubheading h: writer.Text(h.Text, writer.Heading2, 4, PdfBlockLevelElementTag.Heading3); break;
                    case ReportParagraph p: writer.Text(p.Text, writer.Body, 4); break;
                    case ReportTable t: writer.Table(t); break;
                    case ReportChart c when c.Bars.Count > 0: writer.Chart(c); break;
                    default: break;
                }
            }
        }

        writer.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private sealed class Writer(PdfDocument document, StructureBuilder structure) : IDisposable
    {
        private const double Margin = 50;
        private XGraphics? _graphics;
        private double _y;

        public XFont TitleFont { get; } = new(PdfFonts.Family, 20, XFontStyleEx.Bold);

        public XFont Heading1 { get; } = new(PdfFonts.Family, 16, XFontStyleEx.Bold);

        public XFont Heading2 { get; } = new(PdfFonts.Family, 13, XFontStyleEx.Bold);

        public XFont Body { get; } = new(PdfFonts.Family, 10, XFontStyleEx.Regular);

        public XFont Bold { get; } = new(PdfFonts.Family, 9, XFontStyleEx.Bold);

        public XFont Small { get; } = new(PdfFonts.Family, 8.5, XFontStyleEx.Regular);

        public PdfPage Page { get; private set; } = null!;

        private double Width => Page.Width.Point - (2 * Margin);

        private XGraphics G => _graphics ?? throw new InvalidOperationException("No page");

        public void NewPage()
        {
            _graphics?.Dispose();
            Page = document.AddPage();
            Page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(Page);
            _y = Margin;
        }

        /// <summary>Writes wrapped text as one tagged element (a paragraph unless <paramref name="tag"/> says otherwise); at a page break the element ends and a new one of the same kind starts on the next page.</summary>
        public void Text(string text, XFont font, double after, PdfBlockLevelElementTag tag = PdfBlockLevelElementTag.Paragraph)
        {
            if (_graphics is null)
            {
                NewPage();
            }

            structure.BeginElement(tag);
            foreach (var line in Wrap(text, font, Width))
            {
                if (!Fits(font.Height))
                {
                    structure.End();
                    NewPage();
                    structure.BeginElement(tag);
                }

                G.DrawString(line, font, XBrushes.Black, new XPoint(Margin, _y + font.Height * 0.8));
                _y += font.Height * 1.15;
            }

            structure.End();
            _y += after;
        }

        public void Table(ReportTable table)
        {
            if (table.Rows.Count == 0)
            {
                Text($"{table.Caption}: none.", Body, 4);
                return;
            }

            Text(table.Caption, Bold, 2);
            var columns = table.Headers.Count;
            var widths = Enumerable.Range(0, columns).Select(i => i == 0 && columns > 2 ? 0.4 : (columns > 2 ? 0.6 / (columns - 1) : 0.5)).Select(f => f * Width).ToArray();
            var header = Row(table.Headers, widths, Bold);
            Room(header.Height * 2);
            structure.BeginElement(PdfBlockLevelElementTag.Table);
            DrawRow(header, widths, Bold, header: true);
            foreach (var cells in table.Rows)
            {
                var row = Row(cells, widths, Small);
                if (!Fits(row.Height))
                {
                    // A table split by a page break: two tagged tables, the header row repeated at the top of the next page.
                    structure.End();
                    NewPage();
                    structure.BeginElement(PdfBlockLevelElementTag.Table);
                    DrawRow(header, widths, Bold, header: true);
                }

                DrawRow(row, widths, Small, header: false);
            }

            structure.End();
            _y += 8;
        }

        public void Chart(ReportChart chart)
        {
            const double barHeight = 14, gap = 5, labelWidth = 170;
            var height = 20 + (chart.Bars.Count * (barHeight + gap));
            Room(Math.Min(height, Page.Height.Point - (2 * Margin)));
            Text(chart.Title, Bold, 4);
            var max = Math.Max(1, (double)chart.Bars.Max(b => b.Value));
            var area = Width - labelWidth - 50;
            var brush = new XSolidBrush(XColor.FromArgb(29, 112, 184));
            var top = _y;
            var alt = $"Bar chart: {chart.Title}. {chart.ValueName}: " + string.Join("; ", chart.Bars.Select(b => $"{b.Label} {ReportText.N(b.Value)}")) + ".";
            structure.BeginElement(PdfIllustrationElementTag.Figure, alt, new XRect(Margin, top, Width, Math.Min(height - 20, Page.Height.Point - Margin - top)));
            foreach (var bar in chart.Bars)
            {
                Room(barHeight + gap);
                var label = Fit(bar.Label, Small, labelWidth - 6);
                G.DrawString(label, Small, XBrushes.Black, new XPoint(Margin, _y + barHeight * 0.75));
                var w = Math.Max(0.5, area * (double)bar.Value / max);
                G.DrawRectangle(brush, Margin + labelWidth, _y, w, barHeight);
                G.DrawString(ReportText.N(bar.Value), Small, XBrushes.Black, new XPoint(Margin + labelWidth + w + 4, _y + barHeight * 0.75));
                _y += barHeight + gap;
            }

            G.DrawLine(XPens.Gray, Margin + labelWidth, Math.Max(Margin, _y - (chart.Bars.Count * (barHeight + gap))), Margin + labelWidth, _y);
            structure.End();
            _y += 10;
        }

        public void Dispose() => _graphics?.Dispose();

        private (List<List<string>> Lines, double Height) Row(IReadOnlyList<string> cells, double[] widths, XFont font)
        {
            var lines = cells.Select((c, i) => Wrap(c, font, widths[Math.Min(i, widths.Length - 1)] - 6)).ToList();
            return (lines, (lines.Max(l => l.Count) * font.Height * 1.15) + 4);
        }

        private void DrawRow((List<List<string>> Lines, double Height) row, double[] widths, XFont font, bool header)
        {
            var (lines, height) = row;
            structure.BeginElement(PdfBlockLevelElementTag.TableRow);
            var x = Margin;
            for (var i = 0; i < lines.Count; i++)
            {
                var w = widths[Math.Min(i, widths.Length - 1)];
                structure.BeginArtifact();
                if (header)
                {
                    G.DrawRectangle(XBrushes.LightGray, x, _y, w, height);
                }

                G.DrawRectangle(XPens.Gray, x, _y, w, height);
                structure.End();
                structure.BeginElement(header ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                var ly = _y + 2;
                foreach (var line in lines[i])
                {
                    G.DrawString(line, font, XBrushes.Black, new XPoint(x + 3, ly + font.Height * 0.8));
                    ly += font.Height * 1.15;
                }

                structure.End();
                x += w;
            }

            structure.End();
            _y += height;
        }

        private bool Fits(double height) => _graphics is not null && _y + height <= Page.Height.Point - Margin;

        private void Room(double height)
        {
            if (_graphics is null || _y + height > Page.Height.Point - Margin)
            {
                NewPage();
            }
        }

        private List<string> Wrap(string text, XFont font, double width)
        {
            var result = new List<string>();
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && Measure(candidate, font) > width)
                {
                    result.Add(line);
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            result.Add(line);
            return result;
        }

        private string Fit(string text, XFont font, double width)
        {
            if (Measure(text, font) <= width)
            {
                return text;
            }

            var cut = text;
            while (cut.Length > 1 && Measure(cut + "…", font) > width)
            {
                cut = cut[..^1];
            }

            return cut + "…";
        }

        private double Measure(string text, XFont font)
        {
            if (_graphics is null)
            {
                NewPage();
            }

            return G.MeasureString(text, font).Width;
        }
    }
}
