using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Safeguard.AnnualReport;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Core.Tests.Journey;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;
using static Safeguard.Core.Tests.AnnualReport.AnnualReportTests;

namespace Safeguard.Core.Tests.AnnualReport;

/// <summary>
/// The report is frozen at publication: the DOCX and PDF written then are given out byte for byte whatever changes in
/// the records afterwards; before publication every download follows the records. Each download is audited.
/// </summary>
public class PublishedReportTests
{
    private static readonly ReportingYear Year = new(2026);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string DocxText(byte[] content)
    {
        using var docx = WordprocessingDocument.Open(new MemoryStream(content), false);
        return docx.MainDocumentPart!.Document.Body!.InnerText;
    }

    private static string PdfText(byte[] content)
    {
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(content);
        return string.Join("\n", pdf.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal);
    }

    private static async Task PublishAsync(JourneyFixture f, AnnualReportService service)
    {
        await service.SendForReviewAsync(Year, 0, BusinessUnit, Ct);
        foreach (var partner in Enum.GetValues<StatutoryPartner>())
        {
            f.Services.Db.ChangeTracker.Clear();
            await service.SignOffAsync(Year, partner, $"Signatory for {partner}", (await service.EditionAsync(Year, Ct))!.Version, BusinessUnit, Ct);
        }

        f.Services.Db.ChangeTracker.Clear();
        await service.PublishAsync(Year, (await service.EditionAsync(Year, Ct))!.Version, "Bury", BusinessUnit, Ct);
        f.Services.Db.ChangeTracker.Clear();
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Before_publication_the_file_follows_the_records_and_once_published_it_no_longer_changes(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var service = f.Services.Get<AnnualReportService>();
        var records = f.Services.Get<AnnualReportRecords>();
        await records.SaveFeedbackAsync(null, 0, new FeedbackInput(new DateOnly(2026, 6, 1), "Youth forum", "Tell us who our social worker is", null), BusinessUnit, Ct);

        var draft = await service.FileAsync(Year, ReportFormat.Docx, "Bury", BusinessUnit, Ct);
        Assert.False(draft.IsPublished);
        Assert.Null(draft.PublishedAt);
        Assert.Equal("annual-report-2026-27.docx", draft.FileName);
        Assert.Contains("Tell us who our social worker is", DocxText(draft.Content), StringComparison.Ordinal);
        Assert.DoesNotContain("Reviews at school", DocxText(draft.Content), StringComparison.Ordinal);

        // Before publication a change in the records is in the next download.
        await records.SaveFeedbackAsync(null, 0, new FeedbackInput(new DateOnly(2026, 7, 1), "Children in care council", "Reviews at school embarrass us", null), BusinessUnit, Ct);
        var followed = await service.FileAsync(Year, ReportFormat.Pdf, "Bury", BusinessUnit, Ct);
        Assert.False(followed.IsPublished);
        Assert.Equal("application/pdf", followed.ContentType);
        Assert.Contains("Reviewsatschoolembarrassus", PdfText(followed.Content), StringComparison.Ordinal);

        f.Services.Db.ChangeTracker.Clear();
        await PublishAsync(f, service);
        var docx = await service.FileAsync(Year, ReportFormat.Docx, "Another name", BusinessUnit, Ct);
        var pdf = await service.FileAsync(Year, ReportFormat.Pdf, "Another name", BusinessUnit, Ct);
        Assert.True(docx.IsPublished);
        Assert.True(pdf.IsPublished);
        Assert.Equal((JourneyFixture.Now, "Bea Business"), (docx.PublishedAt!.Value, docx.PublishedBy!));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf.Content)), pdf.Sha256);
        Assert.Contains("Status: published", DocxText(docx.Content), StringComparison.Ordinal);
        Assert.Contains("BurySafeguardingChildrenPartnership", PdfText(pdf.Content), StringComparison.Ordinal);

        // A record changed after publication: the records (and a fresh assembly) show it, the published files do not.
        await records.SaveFeedbackAsync(null, 0, new FeedbackInput(new DateOnly(2026, 8, 1), "Parents' survey", "Added after publication", null), BusinessUnit, Ct);
        var assembled = await service.AssembleAsync(Year, "Bury", BusinessUnit, Ct);
        Assert.Contains(assembled.Sections.Single(s => s.Content.Key == "voice").Content.Blocks.OfType<ReportTable>().Single().Rows, r => r[2] == "Added after publication");
        var docxAgain = await service.FileAsync(Year, ReportFormat.Docx, "Bury", BusinessUnit, Ct);
        var pdfAgain = await service.FileAsync(Year, ReportFormat.Pdf, "Bury", BusinessUnit, Ct);
        Assert.Equal(docx.Content, docxAgain.Content);
        Assert.Equal(pdf.Content, pdfAgain.Content);
        Assert.DoesNotContain("Added after publication", DocxText(docxAgain.Content), StringComparison.Ordinal);
        Assert.DoesNotContain("Addedafterpublication", PdfText(pdfAgain.Content), StringComparison.Ordinal);

        var stored = await f.Services.Db.Set<AnnualReportPublishedFile>().AsNoTracking().ToListAsync(Ct);
        Assert.Equal([ReportFormat.Docx, ReportFormat.Pdf], stored.Select(s => s.Format).Order());
        var downloads = await f.Services.Db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == AnnualReportService.EntityType && e.Action == AuditAction.Exported && e.After!.StartsWith("download"))
            .Select(e => e.After).ToListAsync(Ct);
        Assert.Equal(6, downloads.Count);
        Assert.Equal(4, downloads.Count(d => d!.EndsWith("the published edition", StringComparison.Ordinal)));

        // The stored content never reaches the audit trail.
        var created = await f.Services.Db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(AnnualReportPublishedFile)).ToListAsync(Ct);
        Assert.Equal(2, created.Count);
        Assert.All(created, e => Assert.Contains("[redacted]", e.After, StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Publishing_before_the_sign_offs_stores_no_file(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var service = f.Services.Get<AnnualReportService>();
        await service.SendForReviewAsync(Year, 0, BusinessUnit, Ct);
        f.Services.Db.ChangeTracker.Clear();
        var refused = await Assert.ThrowsAsync<SafeguardValidationException>(() => service.PublishAsync(Year, 1, "Bury", BusinessUnit, Ct));
        Assert.Contains("before every safeguarding partner has signed it off", refused.Message, StringComparison.Ordinal);
        Assert.False(await f.Services.Db.Set<AnnualReportPublishedFile>().AnyAsync(Ct));
        Assert.False((await service.FileAsync(Year, ReportFormat.Docx, "Bury", BusinessUnit, Ct)).IsPublished);
    }
}
