using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Safeguard.AnnualReport;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.DemoData;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Demo;

/// <summary>
/// The annual report of the demo area (a tenth of a borough) for the last complete reporting year: every section is filled from the
/// demo records (none says "No records yet"), the feedback and funding records are there for three years, and the report
/// is written in both formats.
/// </summary>
public sealed class DemoAnnualReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Report_generated_for_the_demo_area_in_both_formats_with_every_section_filled_from_the_demo_records(DatabaseProvider provider)
    {
        await using var services = await TestServices.CreateAsync(provider, new FakeTimeProvider(Now));
        await services.Get<DemoSeeder>().SeedAsync("Testshire", new DemoOptions(Scale: 0.1), Ct);
        services.Db.ChangeTracker.Clear();
        var year = new ReportingYear(2025);

        var feedback = await services.Db.Set<PartnershipFeedback>().AsNoTracking().ToListAsync(Ct);
        foreach (var y in new[] { year.Previous, year })
        {
            Assert.Equal(12, feedback.Count(f => y.Contains(f.ReceivedOn)));
        }

        Assert.InRange(feedback.Count(f => new ReportingYear(2026).Contains(f.ReceivedOn)), 6, 8);
        Assert.All(feedback, f => Assert.True(f.ReceivedOn <= new DateOnly(2026, 11, 23)));
        Assert.True(feedback.Select(f => f.Source).Distinct().Count() >= 5);
        var funding = await services.Db.Set<PartnershipFundingLine>().AsNoTracking().ToListAsync(Ct);
        Assert.Equal([2024, 2025, 2026], funding.Select(f => f.YearStart).Distinct().Order());
        var partners = await services.Db.Agencies.AsNoTracking().Where(a => a.StatutoryPartner != null).Select(a => a.Id).ToListAsync(Ct);
        Assert.All(partners, p => Assert.Equal(3, funding.Count(f => f.AgencyId == p)));

        // The same again: a second run adds nothing.
        Assert.Equal(0, await DemoAnnualReport.SeedAsync(services.Db, Actor.System(), Ct));

        var businessUnit = await services.Db.Users.AsNoTracking().SingleAsync(u => u.UserName == "business.unit", Ct);
        var actor = new Actor(businessUnit.Id, businessUnit.DisplayName, businessUnit.AgencyId);
        var report = await services.Get<AnnualReportService>().AssembleAsync(year, "Testshire", actor, Ct);
        var empty = report.Sections.Where(s => !s.Content.HasRecords || s.Content.Blocks.OfType<ReportParagraph>().Any(p => p.Text.StartsWith("No records yet", StringComparison.Ordinal)))
            .Select(s => s.Content.Key).ToList();
        Assert.True(empty.Count == 0, "Sections with no records: " + string.Join(", ", empty));

        var docx = await services.Get<AnnualReportService>().FileAsync(year, ReportFormat.Docx, "Testshire", actor, Ct);
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx.Content), false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.DoesNotContain("No records yet", text, StringComparison.Ordinal);
            Assert.Contains("Children in care council", text, StringComparison.Ordinal);
        }

        var pdf = await services.Get<AnnualReportService>().FileAsync(year, ReportFormat.Pdf, "Testshire", actor, Ct);
        using var read = UglyToad.PdfPig.PdfDocument.Open(pdf.Content);
        Assert.True(read.NumberOfPages > report.Sections.Count);
    }
}
