using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Safeguard.Common;

namespace Safeguard.AnnualReport;

/// <summary>
/// Writes the assembled annual report as a PDF (PDFsharp): A4 pages, the document's title and language set, a
/// bookmark (outline) for each section, tables drawn as rows, and each chart drawn as horizontal bars with labels and values.
/// </summary>
public static class AnnualReportPdf
{
    public const string ContentType = "application/pdf";

    public static byte[] Write(AssembledReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        PdfFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        document.Info.Subject = $"Reporting year {report.Year.Name}";
        document.Info.Author = $"{report.AreaName} Safeguarding Children Partnership";
        document.Language = "en-GB";
        document.ViewerPreferences.DisplayDocTitle = true;
        var writer = new Writer(document);
        writer.Text(report.Title, writer.TitleFont, 8);
        writer.Text($"Reporting year 1 April {report.Year.StartYear} to 31 March {report.Year.StartYear + 1}. Status: {AnnualReportService.Describe(report.Status)}.", writer.Body, 4);
        foreach (var s in report.SignOffs)
        {
            writer.Text($"Signed off for {AnnualReportService.PartnerName(s.Partner)} by {s.Signatory} on {s.SignedAt.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}.", writer.Body, 2);
        }

        foreach (var section in report.Sections)
        {
            writer.NewPage();
            document.Outlines.Add(section.Content.Title, writer.Page, true);
            writer.Text(section.Content.Title, writer.Heading1, 6);
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
                    case ReportSubheading h: writer.Text(h.Text, writer.Heading2, 4); break;
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

    private sealed class Writer(PdfDocument document) : IDisposable
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

        public void Text(string text, XFont font, double after, double indent = 0, double? width = null)
        {
            if (_graphics is null)
            {
                NewPage();
            }

            foreach (var line in Wrap(text, font, (width ?? Width) - indent))
            {
                Room(font.Height);
                G.DrawString(line, font, XBrushes.Black, new XPoint(Margin + indent, _y + font.Height * 0.8));
                _y += font.Height * 1.15;
            }

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
            DrawRow(table.Headers, widths, Bold, header: true);
            foreach (var row in table.Rows)
            {
                DrawRow(row, widths, Small, header: false);
            }

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

            G.DrawLine(XPens.Gray, Margin + labelWidth, _y - (chart.Bars.Count * (barHeight + gap)), Margin + labelWidth, _y);
            _y += 10;
        }

        public void Dispose() => _graphics?.Dispose();

        private void DrawRow(IReadOnlyList<string> cells, double[] widths, XFont font, bool header)
        {
            var lines = cells.Select((c, i) => Wrap(c, font, widths[Math.Min(i, widths.Length - 1)] - 6)).ToList();
            var height = (lines.Max(l => l.Count) * font.Height * 1.15) + 4;
            Room(height);
            var x = Margin;
            for (var i = 0; i < lines.Count; i++)
            {
                var w = widths[Math.Min(i, widths.Length - 1)];
                if (header)
                {
                    G.DrawRectangle(XBrushes.LightGray, x, _y, w, height);
                }

                G.DrawRectangle(XPens.Gray, x, _y, w, height);
                var ly = _y + 2;
                foreach (var line in lines[i])
                {
                    G.DrawString(line, font, XBrushes.Black, new XPoint(x + 3, ly + font.Height * 0.8));
                    ly += font.Height * 1.15;
                }

                x += w;
            }

            _y += height;
        }

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
