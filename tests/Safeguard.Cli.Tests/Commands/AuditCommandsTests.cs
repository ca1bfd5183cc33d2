using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

/// <summary>
/// <c>audit verify --checkpoint FILE</c>: an intact trail writes a checkpoint; events deleted from the end of the
/// trail, or a trail rewritten and re-hashed, no longer agree with it and the verify fails with exit code 2.
/// </summary>
public sealed class AuditCommandsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "safeguard-checkpoints-" + Guid.NewGuid().ToString("N"));

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    private static async Task AllowTamperingAsync(SafeguardDbContext db, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEvents_NoDelete"; DROP TRIGGER "AuditEvents_NoUpdate";""", TestContext.Current.CancellationToken);
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("""ALTER TABLE "AuditEvents" DISABLE TRIGGER USER;""", TestContext.Current.CancellationToken);
        }
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Events_deleted_from_the_end_fail_against_the_checkpoint_written_by_an_earlier_verify(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo"));
        var file = Path.Combine(_folder, "checkpoints.txt");

        var first = await CliHarness.RunWithDatabaseAsync(On(database, "audit", "verify", "--checkpoint", file));
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Checkpoint written to", first.Output, StringComparison.Ordinal);
        var checkpoint = Assert.Single(AuditCheckpoints.Read(file));
        await using var db = database.NewContext();
        Assert.Equal(await db.AuditEvents.MaxAsync(e => e.Sequence, TestContext.Current.CancellationToken), checkpoint.Sequence);

        // Without the checkpoint the chain is still a valid chain once its last events are gone: that is the gap.
        await AllowTamperingAsync(db, provider);
        var keep = checkpoint.Sequence - 3;
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "AuditEvents" WHERE "Sequence" > {keep}""", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await CliHarness.RunWithDatabaseAsync(On(database, "audit", "verify"))).ExitCode);

        var cut = await CliHarness.RunWithDatabaseAsync(On(database, "audit", "verify", "--checkpoint", file));
        Assert.Equal(2, cut.ExitCode);
        Assert.Contains($"the trail ends at event {checkpoint.Sequence - 3}", cut.Output, StringComparison.Ordinal);
        Assert.Contains($"records event {checkpoint.Sequence}", cut.Output, StringComparison.Ordinal);
        Assert.Single(AuditCheckpoints.Read(file));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_trail_rewritten_and_rehashed_disagrees_with_the_checkpoint(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo"));
        var file = Path.Combine(_folder, "rewritten.txt");
        Assert.Equal(0, (await CliHarness.RunWithDatabaseAsync(On(database, "audit", "checkpoint", "--checkpoint", file))).ExitCode);
        var checkpoint = Assert.Single(AuditCheckpoints.Read(file));

        // An attacker with the database edits the last event and re-computes its hash: the chain holds, the checkpoint does not.
        await using (var db = database.NewContext())
        {
            await AllowTamperingAsync(db, provider);
            var last = await db.AuditEvents.SingleAsync(e => e.Sequence == checkpoint.Sequence, TestContext.Current.CancellationToken);
            last.Reason = "nothing to see";
            last.Hash = AuditHash.Compute(last);
            await db.Database.ExecuteSqlRawAsync(
                """UPDATE "AuditEvents" SET "Reason" = {0}, "Hash" = {1} WHERE "Sequence" = {2}""",
                [last.Reason, last.Hash, last.Sequence],
                TestContext.Current.CancellationToken);
        }

        Assert.Equal(0, (await CliHarness.RunWithDatabaseAsync(On(database, "audit", "verify"))).ExitCode);
        var verify = await CliHarness.RunWithDatabaseAsync(On(database, "audit", "verify", "--checkpoint", file));
        Assert.Equal(2, verify.ExitCode);
        Assert.Contains($"broken at event {checkpoint.Sequence}: its hash differs from the checkpoint", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_checkpoint_file_is_refused_naming_its_line()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CliHarness.RunWithDatabaseAsync(On(database, "db", "migrate"));
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "bad.txt");
        await File.WriteAllLinesAsync(file, ["# comment", "12 not-a-hash 2026-01-01T00:00:00Z"], TestContext.Current.CancellationToken);

        var verify = await CliHarness.RunWithDatabaseAsync(On(database, "audit", "verify", "--checkpoint", file));

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("line 2", verify.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
