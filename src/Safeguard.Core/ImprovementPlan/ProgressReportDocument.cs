using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Safeguard.ImprovementPlan;

/// <summary>Writes the plan's progress report as a Word document (DOCX), with each rating's cell shaded in its colour.</summary>
public static class ProgressReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            Heading(body, report.PlanTitle, 36);
            Heading(body, $"Progress report: {report.Period.Name}", 28);
            Paragraph(body, $"Produced on {D(report.ProducedOn)}.");

            Heading(body, "Ratings definitions used in this report", 26);
            var key = NewTable();
            foreach (var d in ProgressRatings.Key)
            {
                key.AppendChild(new TableRow(RatingCell(d.Rating), TextCell(d.Meaning)));
            }

            body.AppendChild(key);
            body.AppendChild(new Paragraph());

            Heading(body, "Overview", 26);
            var overview = NewTable();
            overview.AppendChild(new TableRow(new TableRowProperties(new TableHeader()), TextCell("Outcome", bold: true), TextCell("Rating", bold: true)));
            foreach (var theme in report.Outcomes.GroupBy(o => o.Theme))
            {
                if (theme.Key is { } t)
                {
                    var themeCell = TextCell(t, bold: true);
                    themeCell.TableCellProperties = new TableCellProperties(new GridSpan { Val = 2 });
                    overview.AppendChild(new TableRow(themeCell));
                }

                foreach (var o in theme)
                {
                    overview.AppendChild(new TableRow(TextCell($"{o.Number}. {o.Title}"), RatingCell(o.Rating)));
                }
            }

            body.AppendChild(overview);
            body.AppendChild(new Paragraph());

            Heading(body, "Key achievements", 26);
            Lines(body, report.KeyAchievements);
            Heading(body, "Key challenges", 26);
            Lines(body, report.KeyChallenges);
            Heading(body, "Upcoming milestones", 26);
            if (report.UpcomingMilestones.Count == 0)
            {
                Paragraph(body, "None in the next period.");
            }

            foreach (var m in report.UpcomingMilestones)
            {
                Paragraph(body, $"{D(m.DueOn)} – {m.Title} ({m.Owner})");
            }

            foreach (var o in report.Outcomes)
            {
                Heading(body, $"{o.Number}. {o.Title}", 26);
                Paragraph(body, $"Rating: {Name(o.Rating)}", bold: true);
                if (o.Commentary is { } oc)
                {
                    Paragraph(body, oc);
                }

                foreach (var w in o.Workstreams)
                {
                    Heading(body, w.Title, 24);
                    Paragraph(body, $"Work Stream Lead: {w.Lead}");
                    Paragraph(body, $"Rating: {Name(w.Rating)}", bold: true);
                    if (w.Commentary is { } wc)
                    {
                        Paragraph(body, wc);
                    }

                    if (w.Impact is { } impact)
                    {
                        Paragraph(body, "Impact of activity so far", bold: true);
                        Lines(body, impact);
                    }

                    if (w.Actions.Count > 0)
                    {
                        var table = NewTable();
                        table.AppendChild(new TableRow(new TableRowProperties(new TableHeader()), TextCell("Milestone or action", bold: true), TextCell("Due", bold: true), TextCell("Owner", bold: true), TextCell("Status", bold: true), TextCell("Rating", bold: true)));
                        foreach (var a in w.Actions)
                        {
                            table.AppendChild(new TableRow(TextCell($"{a.Kind}: {a.Title}"), TextCell(D(a.DueOn)), TextCell(a.Owner), TextCell(a.Status), RatingCell(a.Rating)));
                        }

                        body.AppendChild(table);
                        body.AppendChild(new Paragraph());
                    }
                }
            }

            main.Document.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A rating as the report shows it: its colour and letter ("Amber (A)"), or "Not rated".</summary>
    public static string Name(ProgressRating? rating) => rating is { } r ? $"{ProgressRatings.Name(r)} ({ProgressRatings.Of(r).Letter})" : "Not rated";

    private static Table NewTable()
    {
        var border = new EnumValue<BorderValues>(BorderValues.Single);
        return new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = border, Size = 4 },
                new BottomBorder { Val = border, Size = 4 },
                new LeftBorder { Val = border, Size = 4 },
                new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 },
                new InsideVerticalBorder { Val = border, Size = 4 })));
    }

    private static TableCell TextCell(string text, bool bold = false) =>
        new(new Paragraph(new Run(bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

    private static TableCell RatingCell(ProgressRating? rating)
    {
        var cell = TextCell(Name(rating), bold: true);
        if (rating is { } r)
        {
            cell.TableCellProperties = new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = ProgressRatings.Of(r).Hex });
        }

        return cell;
    }

    private static void Lines(Body body, string? text)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            Paragraph(body, "None recorded.");
        }

        foreach (var line in lines)
        {
            Paragraph(body, line);
        }
    }

    private static void Heading(Body body, string text, int halfPoints) =>
        body.AppendChild(new Paragraph(new Run(new RunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }), new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

    private static void Paragraph(Body body, string text, bool bold = false) =>
        body.AppendChild(new Paragraph(new Run(bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

    private static string D(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
