using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Safeguard.CaseReviews;

/// <summary>Writes the annual report extract as a Word document (DOCX) the business unit pastes into the report.</summary>
public static class AnnualReportDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(AnnualReportExtract extract, string areaName)
    {
        ArgumentNullException.ThrowIfNull(extract);
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            Heading(body, $"{areaName} safeguarding partnership: case reviews {extract.Year.Name}", 32);
            Paragraph(body, $"Reporting year 1 April {extract.Year.StartYear} to 31 March {extract.Year.StartYear + 1}.");

            Heading(body, "Serious incident notifications", 28);
            Paragraph(body, $"{Count(extract.Notifications.Count, "notification")} made to the National Child Safeguarding Practice Review Panel.");
            Table(body, ["Case", "Council became aware", "Panel notified"],
                extract.Notifications.Select(n => new[] { n.Reference, D(n.AwareOn), D(n.PanelNotifiedOn) }));

            Heading(body, "Rapid reviews", 28);
            Paragraph(body, $"{Count(extract.RapidReviews.Count, "rapid review")} held. Outcomes: " +
                string.Join("; ", extract.OutcomeCounts.Select(o => $"{RapidReviewService.OutcomeName(o.Outcome)} {o.Count}")) + ".");
            Table(body, ["Case", "Meeting", "Recommendation", "Sent to the Panel"],
                extract.RapidReviews.Select(r => new[] { r.Reference, D(r.MeetingOn), r.Outcome is { } o ? RapidReviewService.OutcomeName(o) : "Not yet recorded", D(r.SentToPanelOn) }));

            Heading(body, "Practice reviews concluded in the year", 28);
            PracticeReviews(body, extract.ConcludedPracticeReviews);
            Heading(body, "Practice reviews ongoing at the end of the year", 28);
            PracticeReviews(body, extract.OngoingPracticeReviews);

            Heading(body, "What was done to implement the findings of reviews", 28);
            Table(body, ["Case", "Recommendation", "Action", "Agency", "Evidence"],
                extract.ImplementedActions.Select(a => new[] { a.Reference, a.Recommendation, a.Description, a.Agency, a.Evidence ?? "" }));

            Heading(body, "Findings the partnership decided not to implement, and why", 28);
            Table(body, ["Case", "Recommendation", "Action", "Agency", "Reason"],
                extract.DeclinedActions.Select(a => new[] { a.Reference, a.Recommendation, a.Description, a.Agency, a.DeclinedReason ?? "" }));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void PracticeReviews(Body body, IReadOnlyList<AnnualPracticeReview> reviews)
    {
        if (reviews.Count == 0)
        {
            Paragraph(body, "None.");
            return;
        }

        foreach (var review in reviews)
        {
            Paragraph(body, $"{review.Reference}: {PracticeReviewService.KindName(review.Kind)} by {review.Reviewer}, started {D(review.StartedOn)}" +
                (review.ConcludedOn is { } c ? $", concluded {D(c)}" : "") +
                (review.Publish is { } p ? $". {(p ? "Published" : "Not published")}: {review.PublicationReasons}" : "") + ".", bold: true);
            foreach (var finding in review.Findings)
            {
                Paragraph(body, "Finding: " + finding);
            }
        }
    }

    private static void Heading(Body body, string text, int halfPoints) =>
        body.AppendChild(new Paragraph(new Run(new RunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }), new Text(text))));

    private static void Paragraph(Body body, string text, bool bold = false) =>
        body.AppendChild(new Paragraph(new Run(bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve })));

    private static void Table(Body body, string[] headers, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            Paragraph(body, "None.");
            return;
        }

        var border = new EnumValue<BorderValues>(BorderValues.Single);
        var table = new Table(new TableProperties(
            new TableBorders(
                new TopBorder { Val = border, Size = 4 },
                new BottomBorder { Val = border, Size = 4 },
                new LeftBorder { Val = border, Size = 4 },
                new RightBorder { Val = border, Size = 4 },
                new InsideHorizontalBorder { Val = border, Size = 4 },
                new InsideVerticalBorder { Val = border, Size = 4 })));
        table.AppendChild(Row(headers, header: true));
        foreach (var row in list)
        {
            table.AppendChild(Row(row, header: false));
        }

        body.AppendChild(table);
        body.AppendChild(new Paragraph());
    }

    private static TableRow Row(string[] cells, bool header)
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

    private static string D(DateOnly? date) => date?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) ?? "";

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
