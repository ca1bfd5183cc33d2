using Microsoft.EntityFrameworkCore;
using Safeguard.Interchange.Cin;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

/// <summary><c>safeguard cin import</c> and <c>cin export</c> on a real SQLite file and a real PostgreSQL database.</summary>
public sealed class CinImportExportCommandsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("safeguard-cin-io-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    private string WriteCensus(string name, int children, Func<string, string>? change = null)
    {
        var path = Path.Combine(_folder, name);
        var text = CinCensusGenerator.ToText(children, CinCollection.Parse("2024-25"));
        File.WriteAllText(path, change is null ? text : change(text));
        return path;
    }

    private static async Task<TestDatabase> MigratedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var migrate = await CliHarness.RunWithDatabaseAsync(On(database, "db", "migrate"));
        Assert.Equal(0, migrate.ExitCode);
        return database;
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Import_dry_run_writes_nothing_import_loads_and_a_second_import_reports_0_changed(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        var path = WriteCensus("census.xml", 10);

        var dry = await CliHarness.RunWithDatabaseAsync(On(database, "cin", "import", path, "--dry-run"));
        Assert.Equal((0, ""), (dry.ExitCode, dry.Error));
        Assert.Contains(dry.OutputLines, l => l.StartsWith("children", StringComparison.Ordinal) && l.Contains("10", StringComparison.Ordinal));
        Assert.Contains("Dry run of census.xml (2024-25, 10 children): 78 would be created, 0 changed, 0 unchanged. Nothing was written.", dry.Output, StringComparison.Ordinal);
        await using (var db = database.NewContext())
        {
            Assert.Equal(0, await db.People.CountAsync(TestContext.Current.CancellationToken));
        }

        var import = await CliHarness.RunWithDatabaseAsync(On(database, "cin", "import", path, "--collection", "2024-25"));
        Assert.Equal((0, ""), (import.ExitCode, import.Error));
        Assert.Contains("Imported census.xml (2024-25, 10 children): 78 created, 0 changed, 0 unchanged.", import.Output, StringComparison.Ordinal);

        var again = await CliHarness.RunWithDatabaseAsync(On(database, "cin", "import", path));
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 created, 0 changed, 78 unchanged.", again.Output, StringComparison.Ordinal);

        var verify = await CliHarness.RunWithDatabaseAsync(On(database, "audit", "verify"));
        Assert.Equal(0, verify.ExitCode);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Import_refuses_a_file_with_an_error_printing_the_count_and_lines_and_queries_need_accepting(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        var withError = WriteCensus("error.xml", 10, t => ReplaceFirst(t, "<Sex>M</Sex>", "<Sex>X</Sex>"));

        var refused = await CliHarness.RunWithDatabaseAsync(On(database, "cin", "import", withError, "--accept-queries"));
        Assert.Equal((1, ""), (refused.ExitCode, refused.Output));
        Assert.Contains("error.xml has 1 error and 0 queries", refused.Error, StringComparison.Ordinal);
        Assert.Matches(@"line \d+: 4180 ERROR \(child C0000001\)", refused.Error);
        Assert.Contains("Run 'safeguard cin validate error.xml' for the full list.", refused.Error, StringComparison.Ordinal);

        var withQuery = WriteCensus("query.xml", 10, t => ReplaceFirst(t, "<ReasonForClosure>RC7</ReasonForClosure>", "<ReasonForClosure>RC2</ReasonForClosure>"));
        var unaccepted = await CliHarness.RunWithDatabaseAsync(On(database, "cin", "import", withQuery));
        Assert.Equal(1, unaccepted.ExitCode);
        Assert.Contains("--accept-queries", unaccepted.Error, StringComparison.Ordinal);
        await using (var db = database.NewContext())
        {
            Assert.Equal(0, await db.People.CountAsync(TestContext.Current.CancellationToken));
        }

        var accepted = await CliHarness.RunWithDatabaseAsync(On(database, "cin", "import", withQuery, "--accept-queries"));
        Assert.Equal(0, accepted.ExitCode);
        Assert.Contains("queries accepted", accepted.Output, StringComparison.Ordinal);

        var notXml = Path.Combine(_folder, "notes.xml");
        await File.WriteAllTextAsync(notXml, "not a census", TestContext.Current.CancellationToken);
        var unreadable = await CliHarness.RunWithDatabaseAsync(On(database, "cin", "import", notXml));
        Assert.Equal(1, unreadable.ExitCode);
        Assert.Contains("notes.xml", unreadable.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported", unreadable.Error, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Export_writes_the_imported_census_which_imports_again_with_nothing_changed(DatabaseProvider provider)
    {
        await using var database = await MigratedAsync(provider);
        await CliHarness.RunWithDatabaseAsync(On(database, "cin", "import", WriteCensus("census.xml", 10)));
        var exported = Path.Combine(_folder, "exported.xml");

        var noCode = await CliHarness.RunWithDatabaseAsync(On(database, "cin", "export", "--collection", "2024-25", "-o", exported));
        if (Environment.GetEnvironmentVariable(Safeguard.Cli.Commands.CinImportExportCommands.LaCodeVariable) is null)
        {
            Assert.Equal(1, noCode.ExitCode);
            Assert.Contains("--la", noCode.Error, StringComparison.Ordinal);
        }

        var export = await CliHarness.RunWithDatabaseAsync(On(database, "cin", "export", "--collection", "2024-25", "-o", exported, "--la", "201"));
        Assert.Equal((0, ""), (export.ExitCode, export.Error));
        Assert.Contains("Wrote the 2024-25 census of 10 children and 14 episodes", export.Output, StringComparison.Ordinal);

        var validate = await CliHarness.RunAsync(["cin", "validate", exported]);
        Assert.Contains("10 children checked against the 2024-25 rules: 0 errors, 0 queries.", validate.Output, StringComparison.Ordinal);
        var again = await CliHarness.RunWithDatabaseAsync(On(database, "cin", "import", exported));
        Assert.Contains("0 created, 0 changed", again.Output, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string find, string replacement)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return at < 0 ? text : string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + find.Length));
    }
}
