using Microsoft.EntityFrameworkCore;
using Safeguard.ApiClients;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

public class ApiKeyCommandsTests
{
    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_key_is_created_printed_once_listed_by_prefix_and_revoked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo"));

        var created = await CliHarness.RunWithDatabaseAsync(On(database, "api-keys", "create", "--agency", "police", "--name", "Police case system",
            "--permission", "contacts.submit", "--permission", "service.use"));
        Assert.Equal((0, ""), (created.ExitCode, created.Error));
        var key = created.Output.Split("Key (shown once): ")[1].Trim();
        Assert.StartsWith(ApiClient.KeyStart, key, StringComparison.Ordinal);

        var list = await CliHarness.RunWithDatabaseAsync(On(database, "api-keys", "list"));
        Assert.Equal(0, list.ExitCode);
        var row = Assert.Single(list.OutputLines, l => l.Contains("Police case system", StringComparison.Ordinal));
        Assert.Contains(key[..ApiClient.PrefixLength], row, StringComparison.Ordinal);
        Assert.Contains("contacts.submit,service.use", row, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list.Output, StringComparison.Ordinal);

        var id = row.Split(' ')[0];
        var revoked = await CliHarness.RunWithDatabaseAsync(On(database, "api-keys", "revoke", id, "--reason", "Replaced"));
        Assert.Equal((0, "Revoked.\n"), (revoked.ExitCode, revoked.Output));
        Assert.Contains("revoked", (await CliHarness.RunWithDatabaseAsync(On(database, "api-keys", "list"))).OutputLines.Single(l => l.StartsWith(id, StringComparison.Ordinal)), StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Process == "ApiClients.Revoke" && e.Reason == "Replaced", TestContext.Current.CancellationToken));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Bad_input_names_the_problem_and_creates_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo"));

        var bad = await CliHarness.RunWithDatabaseAsync(On(database, "api-keys", "create", "--agency", "NOWHERE", "--name", "X", "--permission", "admin.users"));
        Assert.Equal((1, ""), (bad.ExitCode, bad.Output));
        Assert.Contains("Agency: There is no active agency with the code 'NOWHERE'", bad.Error, StringComparison.Ordinal);
        Assert.Contains("Permissions: An API key cannot have 'admin.users'", bad.Error, StringComparison.Ordinal);
        var missing = await CliHarness.RunWithDatabaseAsync(On(database, "api-keys", "create", "--agency", "POLICE", "--name", "X"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("--permission", missing.Error, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.False(await db.ApiClients.AnyAsync(TestContext.Current.CancellationToken));
    }
}
