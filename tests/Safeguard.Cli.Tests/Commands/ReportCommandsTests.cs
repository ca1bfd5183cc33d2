using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.AnnualReport;
using Safeguard.Auditing;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

public class ReportCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Report_annual_writes_the_docx_with_the_narrative_and_lists_the_sections(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync(clock)).DisposeAsync();
        await using (var services = database.Services(clock))
        {
            using var scope = services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AnnualReportRecords>().SaveFeedbackAsync(
                null, 0, new FeedbackInput(new DateOnly(2026, 6, 1), "Youth forum", "Tell us who our social worker is", "Letters introduce the worker"), Actor.System(), Ct);
            await scope.ServiceProvider.GetRequiredService<AnnualReportService>().SaveNarrativeAsync(new Common.ReportingYear(2026), "voice", "We heard the youth forum.", 0, Actor.System(), Ct);
        }

        var file = Path.Combine(Path.GetTempPath(), $"annual-{Guid.NewGuid():N}.docx");
        try
        {
            var result = await CliHarness.RunWithDatabaseAsync(
                ["report", "annual", "--year", "2026", "--format", "docx", "--area", "Bury", "-o", file, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString], clock);
            Assert.Equal((0, ""), (result.ExitCode, result.Error));
            Assert.Contains(result.OutputLines, l => l.StartsWith("Feedback from children and families", StringComparison.Ordinal) && l.TrimEnd().EndsWith("yes", StringComparison.Ordinal));
            Assert.Contains(result.OutputLines, l => l.StartsWith("Multi-agency training", StringComparison.Ordinal) && l.TrimEnd().EndsWith("no records yet", StringComparison.Ordinal));
            using var docx = WordprocessingDocument.Open(file, false);
            var text = docx.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("We heard the youth forum.", text, StringComparison.Ordinal);
            Assert.Contains("Letters introduce the worker", text, StringComparison.Ordinal);
            Assert.Equal("Bury Safeguarding Children Partnership: annual report 2026-27", docx.PackageProperties.Title);
        }
        finally
        {
            File.Delete(file);
        }

        // Once published, the command gives the edition stored at publication and says so.
        await using (var services = database.Services(clock))
        {
            using var scope = services.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<AnnualReportService>();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            await service.SendForReviewAsync(new Common.ReportingYear(2026), 0, Actor.System(), Ct);
            foreach (var partner in Enum.GetValues<Organisations.StatutoryPartner>())
            {
                db.ChangeTracker.Clear();
                await service.SignOffAsync(new Common.ReportingYear(2026), partner, "Signatory", (await service.EditionAsync(new Common.ReportingYear(2026), Ct))!.Version, Actor.System(), Ct);
            }

            db.ChangeTracker.Clear();
            await service.PublishAsync(new Common.ReportingYear(2026), (await service.EditionAsync(new Common.ReportingYear(2026), Ct))!.Version, "Bury", Actor.System(), Ct);
        }

        var pdfFile = Path.Combine(Path.GetTempPath(), $"annual-{Guid.NewGuid():N}.pdf");
        try
        {
            var published = await CliHarness.RunWithDatabaseAsync(
                ["report", "annual", "--year", "2026", "--format", "pdf", "-o", pdfFile, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString], clock);
            Assert.Equal((0, ""), (published.ExitCode, published.Error));
            Assert.Contains(published.OutputLines, l => l.Contains("this is the published edition", StringComparison.Ordinal));
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await File.ReadAllBytesAsync(pdfFile, Ct), 0, 4), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(pdfFile);
        }

        var bad = await CliHarness.RunWithDatabaseAsync(["report", "annual", "--year", "2026", "--format", "rtf", "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString], clock);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("rtf", bad.Error, StringComparison.Ordinal);
    }
}
