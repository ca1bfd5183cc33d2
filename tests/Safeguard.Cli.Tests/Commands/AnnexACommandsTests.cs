using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Safeguard.Auditing;
using Safeguard.Journey;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

/// <summary><c>safeguard annex-a export</c> on a real SQLite file and a real PostgreSQL database.</summary>
public sealed class AnnexACommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safeguard-annex-a-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Export_writes_every_list_with_the_referral_and_prints_each_lists_rows(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await CliHarness.RunWithDatabaseAsync(On(database, "db", "migrate"))).ExitCode);
        await using (var db = database.NewContext())
        {
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                var child = new Person { Kind = PersonKind.Child, DateOfBirth = new DateOnly(2015, 5, 1), Sex = "M", Ethnicity = "WBRI", CouncilChildId = "C100", DisplayName = "Tom Test" };
                db.AddRange(child, new NeedEpisode { PersonId = child.Id, ReferralDate = new DateOnly(2026, 10, 1), ReferralSource = "6", ReferralNfa = true, CreatedAt = DateTimeOffset.UtcNow });
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
        }

        var file = Path.Combine(_folder, "annex.xlsx");
        var export = await CliHarness.RunWithDatabaseAsync(On(database, "annex-a", "export", "--as-at", "2026-11-30", "-o", file));
        Assert.Equal((0, ""), (export.ExitCode, export.Error));
        Assert.Contains(export.OutputLines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["3", "Referrals", "2026-05-31", "2026-11-30", "1", ..]);
        Assert.Contains($"Wrote Annex A as at 2026-11-30 (1 rows) to {file}", export.Output, StringComparison.Ordinal);

        using var document = SpreadsheetDocument.Open(file, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(11, sheets.Count);
        var referrals = ((WorksheetPart)workbook.GetPartById(sheets[2].Id!)).Worksheet.Descendants<Row>().ToList();
        Assert.Equal(2, referrals.Count);
        Assert.Equal(["C100", "a) Male", "a) White", "01/05/2015", "11", "01/10/2026", "g) Police", "Yes", "1", "", ""],
            referrals[1].Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? ""));

        var bad = await CliHarness.RunWithDatabaseAsync(On(database, "annex-a", "export", "--as-at", "30/11/2026", "-o", file));
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("--as-at", bad.Error, StringComparison.Ordinal);
    }
}
