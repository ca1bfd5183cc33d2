using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Safeguard.CaseReviews;
using Safeguard.Common;
using Safeguard.Persistence;
using Safeguard.Testing;
using static Safeguard.Core.Tests.TestDates;

namespace Safeguard.Core.Tests.CaseReviews;

public class LearningTests
{
    private static readonly CancellationToken Token = TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task An_action_is_declined_only_with_a_reason_and_signed_off_only_when_complete(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var bu = await f.ActorAsync("business.unit");
        var learning = f.Get<LearningService>();
        var caseId = (await f.Db.SeriousIncidentNotifications.AsNoTracking().FirstAsync(n => n.ChildName == "Child E", Token)).Id;
        var theme = await f.Db.LearningThemes.AsNoTracking().FirstAsync(t => t.Name == "Think family", Token);
        var finding = await learning.AddFindingAsync(caseId, "Adult services did not consider the children", theme.Id, bu, Token);
        var recommendation = await learning.AddRecommendationAsync(caseId, "Adult mental health assessments ask about children", finding.Id, bu, Token);
        var missing = await Assert.ThrowsAsync<SafeguardValidationException>(() => learning.AddActionAsync(recommendation.Id, "", null, "", null, bu, Token));
        Assert.Equal(["Description", "OwningAgencyId", "Owner", "DueOn"], missing.Problems.Select(p => p.Field));
        var action = await learning.AddActionAsync(recommendation.Id, "Add a question on children to the assessment", await f.AgencyAsync("HOSP"), "Head of nursing", D("2027-01-31"), bu, Token);

        var noReason = await Assert.ThrowsAsync<SafeguardValidationException>(() => learning.UpdateActionAsync(action.Id, action.Version, new ActionProgress(ReviewActionStatus.Declined, null, null, " "), bu, Token));
        Assert.Equal(("DeclinedReason", "Enter the reason for declining the action: the annual report must give it"), (noReason.Problems.Single().Field, noReason.Problems.Single().Message));
        Assert.Equal(ReviewActionStatus.NotStarted, (await f.Db.ReviewActions.AsNoTracking().SingleAsync(a => a.Id == action.Id, Token)).Status);

        var notComplete = await Assert.ThrowsAsync<SafeguardValidationException>(() => learning.SignOffActionAsync(action.Id, action.Version, bu, Token));
        Assert.Contains("Only a completed action", notComplete.Problems[0].Message, StringComparison.Ordinal);
        var noEvidence = await Assert.ThrowsAsync<SafeguardValidationException>(() => learning.UpdateActionAsync(action.Id, action.Version, new ActionProgress(ReviewActionStatus.Completed, null, D("2026-11-20"), null), bu, Token));
        Assert.Equal("Evidence", noEvidence.Problems.Single().Field);

        await learning.UpdateActionAsync(action.Id, action.Version, new ActionProgress(ReviewActionStatus.Completed, "New assessment form in use", D("2026-11-20"), null), bu, Token);
        var completed = await f.Db.ReviewActions.AsNoTracking().SingleAsync(a => a.Id == action.Id, Token);
        await learning.SignOffActionAsync(action.Id, completed.Version, bu, Token);
        var signed = await f.Db.ReviewActions.AsNoTracking().SingleAsync(a => a.Id == action.Id, Token);
        Assert.Equal((ReviewActionStatus.SignedOff, D("2026-11-23"), "Bea Business"), (signed.Status, signed.SignedOffOn, signed.SignedOffBy));
        var closed = await Assert.ThrowsAsync<SafeguardValidationException>(() => learning.UpdateActionAsync(action.Id, signed.Version, new ActionProgress(ReviewActionStatus.Declined, null, null, "changed our mind"), bu, Token));
        Assert.Contains("closed", closed.Problems[0].Message, StringComparison.Ordinal);

        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => learning.ChangeThemeAsync(theme.Id, theme.Version + 5, "Think family first", true, bu, Token));
        Assert.Contains("changed by someone else", stale.Message, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Themes_show_which_recur_across_reviews_and_years_and_loop_closing_lists_overdue_actions(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var themes = await f.Get<ReviewTracker>().ThemesAsync(Token);
        var sharing = themes[0];
        Assert.Equal("Information sharing", sharing.Theme);
        Assert.True(sharing.Recurs);
        Assert.Equal(2, sharing.ReviewCount);
        Assert.Equal(2, sharing.Years.Count);
        Assert.False(themes.Single(t => t.Theme == "Neglect").Recurs);

        var outstanding = await f.Get<ReviewTracker>().OutstandingActionsAsync(Token);
        Assert.Equal(2, outstanding.Count); // signed-off and declined actions are closed
        Assert.True(outstanding[0].IsOverdue);
        Assert.Contains("Police", outstanding[0].AgencyName, StringComparison.Ordinal);
        Assert.False(outstanding[1].IsOverdue);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_document_is_held_only_when_its_content_is_an_allowed_type_within_the_size_limit(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var bu = await f.ActorAsync("business.unit");
        var review = await f.Db.RapidReviews.AsNoTracking().Include(r => r.InformationRequests).SingleAsync(r => r.SentToPanelOn == null, Token);
        var police = review.InformationRequests.Single(r => r.ReceivedOn is null);
        var rapid = f.Get<RapidReviewService>();

        var renamed = await Assert.ThrowsAsync<SafeguardValidationException>(() => rapid.RecordResponseAsync(police.Id, police.Version, D("2026-11-20"), null, new DocumentUpload("chronology.pdf", Encoding.UTF8.GetBytes("MZ\0\0 not a pdf")), bu, Token));
        Assert.Equal("Document", renamed.Problems.Single().Field);
        Assert.Contains("is called .pdf but its content is not a PDF, DOCX, ODT or text file", renamed.Problems.Single().Message, StringComparison.Ordinal);
        var unknown = await Assert.ThrowsAsync<SafeguardValidationException>(() => rapid.RecordResponseAsync(police.Id, police.Version, D("2026-11-20"), null, new DocumentUpload("figures.xlsx", Zip(("xl/workbook.xml", "x"))), bu, Token));
        Assert.Contains("is not a PDF, Word (DOCX), OpenDocument text (ODT) or plain text (TXT) file", unknown.Problems.Single().Message, StringComparison.Ordinal);
        var big = new byte[(10 * 1024 * 1024) + 1];
        "%PDF-1.7"u8.CopyTo(big);
        var oversized = await Assert.ThrowsAsync<SafeguardValidationException>(() => rapid.RecordResponseAsync(police.Id, police.Version, D("2026-11-20"), null, new DocumentUpload("big.pdf", big), bu, Token));
        Assert.Contains("must be 10 MB or smaller", oversized.Problems.Single().Message, StringComparison.Ordinal);
        Assert.Equal(0, await f.Db.CaseReviewDocuments.CountAsync(Token));
        Assert.Null((await f.Db.InformationRequests.AsNoTracking().SingleAsync(r => r.Id == police.Id, Token)).ReceivedOn);

        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << >> endobj\n%%EOF");
        await rapid.RecordResponseAsync(police.Id, police.Version, D("2026-11-20"), null, new DocumentUpload("chronology.pdf", pdf), bu, Token);
        var held = await f.Db.CaseReviewDocuments.AsNoTracking().SingleAsync(Token);
        Assert.Equal((DocumentRules.Pdf, pdf.LongLength), (held.ContentType, held.SizeBytes));
        Assert.Equal(pdf, held.Content);
        var audit = await f.Db.AuditEvents.AsNoTracking().SingleAsync(e => e.EntityType == nameof(CaseReviewDocument), Token);
        Assert.Contains("\"Content\":\"[redacted]\"", audit.After, StringComparison.Ordinal);
        Assert.Contains(held.Sha256, audit.After, StringComparison.Ordinal);

        Assert.Equal(DocumentRules.Docx, DocumentRules.Sniff(Zip(("[Content_Types].xml", "<x/>"), ("word/document.xml", "<x/>"))));
        Assert.Equal(DocumentRules.Odt, DocumentRules.Sniff(Zip(("mimetype", DocumentRules.Odt), ("content.xml", "<x/>"))));
        Assert.Equal(DocumentRules.Text, DocumentRules.Sniff(Encoding.UTF8.GetBytes("Réponse de l'agence\r\n")));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_annual_report_extract_covers_the_year_and_downloads_as_a_Word_document(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var year = ReportingYear.Of(D("2026-11-23"));
        Assert.Equal("2026-27", year.Name);
        var extract = await AnnualReportExtract.BuildAsync(f.Db, year, Token);

        Assert.Contains(extract.Notifications, n => n.Reference.StartsWith('F'));
        Assert.Contains(extract.OngoingPracticeReviews, p => p.Reference.StartsWith('E') && p.Findings.Count == 2);
        Assert.Empty(extract.ConcludedPracticeReviews);
        var declined = Assert.Single(extract.DeclinedActions);
        Assert.Equal("The notifications are now automated, so a dedicated post is not needed.", declined.DeclinedReason);

        var bytes = AnnualReportDocument.Write(extract, "Testshire");
        Assert.Equal(DocumentRules.Docx, DocumentRules.Sniff(bytes));
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("case reviews 2026-27", text, StringComparison.Ordinal);
        Assert.Contains("Findings the partnership decided not to implement, and why", text, StringComparison.Ordinal);
        Assert.Contains("a dedicated post is not needed", text, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Seeding_the_demo_again_adds_no_second_set_of_cases(DatabaseProvider provider)
    {
        await using var f = await CaseReviewFixture.CreateAsync(provider);
        var before = await f.Db.SeriousIncidentNotifications.CountAsync(Token);
        var again = await f.Get<Safeguard.DemoData.DemoSeeder>().SeedAsync("Testshire", Safeguard.Testing.TestServices.SmallDemo, Token);
        Assert.Equal(0, again.ReviewsAdded);
        Assert.Equal(4, before);
        Assert.Equal(before, await f.Db.SeriousIncidentNotifications.CountAsync(Token));
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(content);
            }
        }

        return stream.ToArray();
    }
}
