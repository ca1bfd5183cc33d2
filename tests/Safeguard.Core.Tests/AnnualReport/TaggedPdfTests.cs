using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;
using Safeguard.AnnualReport;
using Safeguard.Common;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;
using static Safeguard.Core.Tests.AnnualReport.AnnualReportTests;

namespace Safeguard.Core.Tests.AnnualReport;

/// <summary>
/// The annual report's PDF is tagged (WCAG, PDF/UA structure): marked, with a structure tree of headings, paragraphs,
/// tables with header cells and figures with alternative text giving the chart's values, its language and its title.
/// </summary>
public class TaggedPdfTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static void Walk(PdfItem? item, List<(string Role, string Alt)> found, int depth = 0)
    {
        if (depth > 64)
        {
            return;
        }

        if (item is PdfReference reference)
        {
            item = reference.Value;
        }

        if (item is PdfArray array)
        {
            foreach (var kid in array.Elements)
            {
                Walk(kid, found, depth + 1);
            }
        }
        else if (item is PdfDictionary dictionary && dictionary.Elements.ContainsKey("/S"))
        {
            found.Add((dictionary.Elements.GetName("/S"), dictionary.Elements.GetString("/Alt")));
            Walk(dictionary.Elements["/K"], found, depth + 1);
        }
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_pdf_is_tagged_with_headings_paragraphs_tables_and_charts_with_alternative_text_its_language_and_title(DatabaseProvider provider)
    {
        await using var f = await CreateAsync(provider);
        var police = new Agency { Name = "Greater Manchester Police", Code = "GMP", Type = AgencyType.Police, StatutoryPartner = StatutoryPartner.Police };
        using (f.Services.Db.BeginProcess("Test.Seed", Safeguard.Auditing.Actor.System()))
        {
            f.Services.Db.Add(police);
            await f.Services.Db.SaveChangesAsync(Ct);
        }

        await f.Services.Get<AnnualReportRecords>().SaveFundingAsync(null, 0, new FundingInput(2026, FundingKind.Contribution, police.Id, null, 42000m), BusinessUnit, Ct);
        var report = await f.Services.Get<AnnualReportService>().AssembleAsync(new ReportingYear(2026), "Bury", BusinessUnit, Ct);
        var bytes = AnnualReportPdf.Write(report);

        using var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Modify);
        var catalog = pdf.Internals.Catalog;
        Assert.True(catalog.Elements.GetDictionary("/MarkInfo")!.Elements.GetBoolean("/Marked"));
        Assert.Equal("en-GB", catalog.Elements.GetString("/Lang"));
        Assert.Equal(report.Title, pdf.Info.Title);
        Assert.True(catalog.Elements.GetDictionary("/ViewerPreferences")!.Elements.GetBoolean("/DisplayDocTitle"));
        var root = catalog.Elements.GetDictionary("/StructTreeRoot");
        Assert.NotNull(root);

        var found = new List<(string Role, string Alt)>();
        Walk(root.Elements["/K"], found);
        var roles = found.Select(e => e.Role).ToList();
        Assert.Equal(1, roles.Count(r => r == "/H1"));
        Assert.Equal(report.Sections.Count, roles.Count(r => r == "/H2"));
        Assert.Contains("/P", roles);
        Assert.Contains("/Table", roles);
        Assert.Contains("/TH", roles);
        Assert.Contains("/TD", roles);
        Assert.Contains(found, e => e.Role == "/Figure" && e.Alt.Contains("Contributions by partner agency", StringComparison.Ordinal) && e.Alt.Contains("Greater Manchester Police 42,000", StringComparison.Ordinal));
        Assert.All(found.Where(e => e.Role == "/Figure"), e => Assert.StartsWith("Bar chart: ", e.Alt, StringComparison.Ordinal));
    }
}
