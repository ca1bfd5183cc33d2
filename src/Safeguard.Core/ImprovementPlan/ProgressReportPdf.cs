using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Safeguard.Common;

namespace Safeguard.ImprovementPlan;

/// <summary>
/// Writes the plan's progress report as a PDF (A4, PDFsharp): the rating key, the overview of outcomes with each rating
/// in its colour, key achievements and challenges, upcoming milestones and each outcome's workstreams and actions.
/// </summary>
public static class ProgressReportPdf
{
    public const string ContentType = "application/pdf";

    private const double Margin = 50;

    public static byte[] Write(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        PdfFonts.EnsureInstalled();
        using var document = new PdfDocument();
        document.Info.Title = report.Title;
        var writer = new PageWriter(document);
        writer.Text(report.PlanTitle, 18, bold: true);
        writer.Text($"Progress report: {report.Period.Name}", 14, bold: true);
        writer.Text($"Produced on {D(report.ProducedOn)}.", 10);
        writer.Gap();

        writer.Text("Ratings definitions used in this report", 13, bold: true);
        foreach (var d in ProgressRatings.Key)
        {
            writer.RatedRow(d.Meaning, d.Rating);
        }

        writer.Gap();
        writer.Text("Overview", 13, bold: true);
        foreach (var theme in report.Outcomes.GroupBy(o => o.Theme))
        {
            if (theme.Key is { } t)
            {
                writer.Text(t, 10, bold: true);
            }

            foreach (var o in theme)
            {
                writer.RatedRow($"{o.Number}. {o.Title}", o.Rating);
            }
        }

        writer.Gap();
        writer.Text("Key achievements", 13, bold: true);
        Lines(writer, report.KeyAchievements);
        writer.Text("Key challenges", 13, bold: true);
        Lines(writer, report.KeyChallenges);
        writer.Text("Upcoming milestones", 13, bold: true);
        if (report.UpcomingMilestones.Count == 0)
        {
            writer.Text("None in the next period.", 10);
        }

        foreach (var m in report.UpcomingMilestones)
        {
            writer.Text($"{D(m.DueOn)} – {m.Title} ({m.Owner})", 10);
        }

        foreach (var o in report.Outcomes)
        {
            writer.Gap();
            writer.Text($"{o.Number}. {o.Title}", 13, bold: true);
            writer.RatedRow("Outcome rating", o.Rating);
            if (o.Commentary is { } oc)
            {
                writer.Text(oc, 10);
            }

            foreach (var w in o.Workstreams)
            {
                writer.Gap(4);
                writer.Text(w.Title, 11, bold: true);
                writer.Text($"Work Stream Lead: {w.Lead}", 10);
                writer.RatedRow("Workstream rating", w.Rating);
                if (w.Commentary is { } wc)
                {
                    writer.Text(wc, 10);
                }

                if (w.Impact is { } impact)
                {
                    writer.Text("Impact of activity so far", 10, bold: true);
                    Lines(writer, impact);
                }

                foreach (var a in w.Actions)
                {
                    writer.RatedRow($"{a.Kind}: {a.Title}. Due {D(a.DueOn)}; {a.Owner}; {a.Status}", a.Rating);
                }
            }
        }

        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static void Lines(PageWriter writer, string? text)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            writer.Text("None recorded.", 10);
        }

        foreach (var line in lines)
        {
            writer.Text(line, 10);
        }
    }

    private static string D(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Lays text out down A4 pages, wrapping words and starting a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document)
    {
        private const double RatingWidth = 95;

        private XGraphics? _graphics;
        private PdfPage? _page;
        private double _y;

        private XGraphics Graphics => _graphics ?? NewPage();

        private static double Width => 595.28 - (2 * Margin); // A4

        public void Gap(double points = 8) => _y += points;

        public void Text(string text, double size, bool bold = false)
        {
            var font = Font(size, bold);
            var lines = Wrap(text, font, Width);
            foreach (var line in lines)
            {
                Room(size * 1.35);
                Graphics.DrawString(line, font, XBrushes.Black, new XRect(Margin, _y, Width, size * 1.35), XStringFormats.TopLeft);
                _y += size * 1.35;
            }
        }

        /// <summary>A row of text with the rating in a coloured box at its right.</summary>
        public void RatedRow(string text, ProgressRating? rating)
        {
            var font = Font(10, bold: false);
            var lines = Wrap(text, font, Width - RatingWidth - 8);
            var height = Math.Max(lines.Count * 13.5, 16) + 4;
            Room(height);
            var g = Graphics;
            var y = _y;
            foreach (var line in lines)
            {
                g.DrawString(line, font, XBrushes.Black, new XRect(Margin, y + 2, Width - RatingWidth - 8, 13.5), XStringFormats.TopLeft);
                y += 13.5;
            }

            var box = new XRect(Margin + Width - RatingWidth, _y + 1, RatingWidth, height - 2);
            if (rating is { } r)
            {
                var hex = ProgressRatings.Of(r).Hex;
                var colour = XColor.FromArgb(int.Parse(hex[..2], NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.Parse(hex[2..4], NumberStyles.HexNumber, CultureInfo.InvariantCulture), int.Parse(hex[4..], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                g.DrawRectangle(new XSolidBrush(colour), box);
                g.DrawString(ProgressRatings.Name(r), Font(10, bold: true), r == ProgressRating.NotStarted ? XBrushes.Black : XBrushes.White, box, XStringFormats.Center);
            }
            else
            {
                g.DrawRectangle(XPens.Gray, box);
                g.DrawString("Not rated", Font(10, bold: false), XBrushes.Black, box, XStringFormats.Center);
            }

            g.DrawLine(XPens.LightGray, Margin, _y + height, Margin + Width, _y + height);
            _y += height;
        }

        private void Room(double height)
        {
            if (_graphics is null || _y + height > _page!.Height.Point - Margin)
            {
                NewPage();
            }
        }

        private XGraphics NewPage()
        {
            _graphics?.Dispose();
            _page = document.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
            return _graphics;
        }

        private static XFont Font(double size, bool bold) => new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (line.Length > 0 && Measure(candidate, font) > width)
                    {
                        lines.Add(line);
                        line = word;
                    }
                    else
                    {
                        line = candidate;
                    }
                }

                lines.Add(line);
            }

            return lines;
        }

        private double Measure(string text, XFont font) => Graphics.MeasureString(text, font).Width;
    }
}
