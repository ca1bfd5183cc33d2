using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.ImprovementPlan;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;
using UglyToad.PdfPig;

namespace Safeguard.Cli.Tests.Commands;

public class ImprovementPlanCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Report_writes_the_progress_report_for_a_period_as_docx_or_pdf_and_names_a_wrong_period(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync(clock)).DisposeAsync();
        await using (var services = database.Services(clock))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var health = new Agency { Name = "NHS Greater Manchester", Code = "ICB", Type = AgencyType.HealthCommissioner };
            var lead = new User { DisplayName = "Andrea Stone", UserName = "andrea", AgencyId = health.Id, CreatedAt = clock.GetUtcNow() };
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.AddRange(health, lead);
                await db.SaveChangesAsync(Ct);
            }

            var bu = new Actor(Guid.NewGuid(), "Bea Business", null);
            var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
            var plan = await plans.CreateAsync(new NewPlan("Improvement plan 2025-27", new DateOnly(2025, 4, 1), new DateOnly(2027, 3, 31), ReportingFrequency.Quarterly), bu, Ct);
            var outcome = await plans.AddOutcomeAsync(plan.Id, plan.Version, new OutcomeInput(7, "Develop a strategic and co-ordinated approach to providing support for care leavers", null), bu, Ct);
            await plans.AddWorkstreamAsync(outcome.Id, new WorkstreamInput("Care leavers' local offer", lead.Id, null), bu, Ct);
            await plans.RateAsync(RatedItemKind.Outcome, outcome.Id, outcome.Version, new RatingInput("2026-Q3", ProgressRating.OnTrack, null), bu, Ct);
            await plans.SaveSummaryAsync(plan.Id, "2026-Q3", null, "Local offer launched", "Staying close", bu, Ct);
        }

        var folder = Directory.CreateTempSubdirectory("safeguard-plan-");
        try
        {
            var pdfPath = Path.Combine(folder.FullName, "report.pdf");
            var pdf = await CliHarness.RunWithDatabaseAsync(On(database, "improvement-plan", "report", "--period", "2026-Q3", "--format", "pdf", "-o", pdfPath), clock);
            Assert.Equal((0, ""), (pdf.ExitCode, pdf.Error));
            Assert.Contains("for 2026-27 Q3 (October to December 2026) (1 outcomes)", pdf.Output, StringComparison.Ordinal);
            using (var document = PdfDocument.Open(pdfPath))
            {
                var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
                Assert.True(text.Contains("7. Develop a strategic and co-ordinated approach to providing support for care leavers Outcome rating Green", StringComparison.Ordinal), text);
                Assert.True(text.Contains("Key achievements Local offer launched", StringComparison.Ordinal), text);
                Assert.True(text.Contains("Work Stream Lead: Andrea Stone (NHS Greater Manchester)", StringComparison.Ordinal), text);
            }

            var docxPath = Path.Combine(folder.FullName, "report.docx");
            var docx = await CliHarness.RunWithDatabaseAsync(On(database, "improvement-plan", "report", "--period", "2026-Q3", "--format", "docx", "-o", docxPath), clock);
            Assert.Equal(0, docx.ExitCode);
            using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(docxPath, false))
            {
                var text = word.MainDocumentPart!.Document.Body!.InnerText;
                Assert.Contains("Staying close", text, StringComparison.Ordinal);
                Assert.Contains("Green (G)", text, StringComparison.Ordinal);
            }

            var wrong = await CliHarness.RunWithDatabaseAsync(On(database, "improvement-plan", "report", "--period", "2026-11", "-o", Path.Combine(folder.FullName, "x.docx")), clock);
            Assert.NotEqual(0, wrong.ExitCode);
            Assert.Contains("'2026-11' is not a reporting period of Improvement plan 2025-27", wrong.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder.FullName, "x.docx")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
