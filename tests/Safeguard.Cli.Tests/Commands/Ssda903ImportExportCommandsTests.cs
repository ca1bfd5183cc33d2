using Microsoft.EntityFrameworkCore;
using Safeguard.LookedAfter;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

/// <summary><c>safeguard ssda903 import</c> and <c>ssda903 export</c> on a real SQLite file and a real PostgreSQL database.</summary>
public sealed class Ssda903ImportExportCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safeguard-903-io-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    private static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var migrate = await CliHarness.RunWithDatabaseAsync(On(database, "db", "migrate"));
        Assert.Equal(0, migrate.ExitCode);
        return database;
    }

    /// <summary>Two children: C1 looked after all year (moved once, reviewed twice, with an OC2 row) and C2 who left care in the year.</summary>
    private string WriteReturn()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "return")).FullName;
        File.WriteAllText(Path.Combine(folder, "header.csv"), "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,1,15/06/2012,WBRI,A123456789012,,\nC2,2,02/02/2010,MWBC,A123456789099,0,\n");
        File.WriteAllText(Path.Combine(folder, "episodes.csv"),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n" +
            "C1,01/03/2023,S,C2,N1,U1,PR1,01/07/2024,X1,CARPL,M1 1AA,M2 2BB,SC111111\n" +
            "C1,01/07/2024,P,C2,N1,U4,PR1,,,,M1 1AA,M3 3CC,SC222222\n" +
            "C2,01/02/2023,S,V2,N4,U1,PR1,10/09/2024,E13,,BL9 0EJ,BL8 1AA,SC333333\n");
        File.WriteAllText(Path.Combine(folder, "reviews.csv"), "CHILD,DOB,REVIEW,REVIEW_CODE\nC1,15/06/2012,10/06/2024,PN1\nC1,15/06/2012,02/12/2024,PN2\n");
        File.WriteAllText(Path.Combine(folder, "oc2.csv"),
            "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED\n" +
            "C1,15/06/2012,10,,0,,1,1,1,0,,\n");
        return folder;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Import_reports_what_it_created_and_what_it_could_not_keep_a_second_import_changes_nothing_and_the_export_validates(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        var folder = WriteReturn();
        var valid = await CliHarness.RunAsync(["ssda903", "validate", folder]);
        Assert.Equal(0, valid.ExitCode);

        var dry = await CliHarness.RunWithDatabaseAsync(On(database, "ssda903", "import", folder, "--dry-run"));
        Assert.Equal((0, ""), (dry.ExitCode, dry.Error));
        Assert.Contains("Dry run of the 2024-25 return (2 children, 8 rows): 8 would be created, 0 changed, 0 unchanged. Nothing was written.",
            dry.Output, StringComparison.Ordinal);
        await using (var db = database.NewContext())
        {
            Assert.Equal(0, await db.People.CountAsync(TestContext.Current.CancellationToken));
        }

        var import = await CliHarness.RunWithDatabaseAsync(On(database, "ssda903", "import", folder, "--collection", "2024-25"));
        Assert.Equal((0, ""), (import.ExitCode, import.Error));
        Assert.Contains(import.OutputLines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["episodes", "of", "care", "3", "0", "0"]);
        Assert.Contains(import.OutputLines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["health", "and", "wellbeing", "records", "1", "0", "0"]);
        Assert.DoesNotContain("Not imported (no record in Safeguard for them yet)", import.OutputLines);
        Assert.Contains(import.OutputLines, l => l.StartsWith("Note: 1 OC2 row: HEALTH_ASSESSMENT and TEETH_CHECK are not imported", StringComparison.Ordinal));
        Assert.Contains("Imported the 2024-25 return (2 children, 8 rows): 8 created, 0 changed, 0 unchanged", import.Output, StringComparison.Ordinal);

        var again = await CliHarness.RunWithDatabaseAsync(On(database, "ssda903", "import", folder));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 created, 0 changed, 8 unchanged", again.Output, StringComparison.Ordinal);

        var exported = Path.Combine(_folder, "exported");
        var export = await CliHarness.RunWithDatabaseAsync(On(database, "ssda903", "export", "--collection", "2024-25", "-o", exported));
        Assert.Equal((0, ""), (export.ExitCode, export.Error));
        Assert.Contains($"Wrote the 2024-25 return of 2 children to {exported}.", export.OutputLines);
        Assert.DoesNotContain(export.OutputLines, l => l.StartsWith("Not exported: OC2: ", StringComparison.Ordinal));
        Assert.DoesNotContain(export.OutputLines, l => l.StartsWith("OC2: ", StringComparison.Ordinal));
        Assert.Equal(["C1,15/06/2012,10,,0,,1,0,0,0,,"], File.ReadAllLines(Path.Combine(exported, "oc2.csv")).Skip(1));
        Assert.Equal(["ad1.csv", "episodes.csv", "header.csv", "missing.csv", "oc2.csv", "oc3.csv", "placedadoption.csv", "prevperm.csv", "reviews.csv", "swepisodes.csv", "uasc.csv"], Directory.GetFiles(exported).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var table in new[] { "header.csv", "episodes.csv", "reviews.csv" })
        {
            Assert.Equal(File.ReadAllLines(Path.Combine(folder, table)), File.ReadAllLines(Path.Combine(exported, table)));
        }
        // The children the return brought have no allocations in Safeguard, so no social worker episodes: the one looked
        // after on 31 March is reported for it (SW01), and that is all.
        var validated = await CliHarness.RunAsync(["ssda903", "validate", exported, "--format", "csv"]);
        Assert.Equal(2, validated.ExitCode);
        var issues = validated.OutputLines.Skip(1).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.NotEmpty(issues);
        Assert.All(issues, l => Assert.StartsWith("SW01STG1,", l, StringComparison.Ordinal));

        var verify = await CliHarness.RunWithDatabaseAsync(On(database, "audit", "verify"));
        Assert.Equal(0, verify.ExitCode);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Import_refuses_a_return_with_errors_naming_table_line_child_and_rule_and_writes_nothing(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);

        var refused = await CliHarness.RunWithDatabaseAsync(On(database, "ssda903", "import", ReferenceFiles.Path("ssda903", "samples")));
        Assert.Equal((1, ""), (refused.ExitCode, refused.Output));
        Assert.Matches(@"The return has [\d,]+ errors: a return with errors is refused whole, and nothing was imported\.", refused.Error);
        Assert.Matches(@"\w+ line \d+: [\w]+ \(child \w+\): ", refused.Error);
        Assert.Contains("Run 'safeguard ssda903 validate' on the same files for the full list.", refused.Error, StringComparison.Ordinal);
        await using (var db = database.NewContext())
        {
            Assert.Equal(0, await db.People.CountAsync(TestContext.Current.CancellationToken));
            Assert.Equal(0, await db.Set<CareEpisode>().CountAsync(TestContext.Current.CancellationToken));
        }

        var export = await CliHarness.RunWithDatabaseAsync(On(database, "ssda903", "export", "-o", Path.Combine(_folder, "none")));
        Assert.Equal(1, export.ExitCode);
        Assert.Contains("No child with a council child id was looked after during 2024-25", export.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_folder, "none")));
    }
}
