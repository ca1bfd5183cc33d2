using Microsoft.EntityFrameworkCore;
using Safeguard.Auditing;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Persistence;

/// <summary>Transactions that write: begun in one place, and on SQLite taken in turn (docs/adr/0048).</summary>
public class WriteTransactionTests
{
    private static readonly Actor Tester = new(Guid.Parse("0190d4a2-0000-7000-8000-000000000001"), "Tess Tester", null);

    private static Agency NewAgency(string code) => new() { Code = code, Name = $"Agency {code}", Type = AgencyType.Police };

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_write_transaction_ended_without_a_commit_lets_the_next_writer_in(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var setup = await database.MigratedContextAsync())
        {
        }

        await using (var first = database.NewContext())
        {
            await using var abandoned = await first.BeginWriteTransactionAsync(ct);
            using var process = first.BeginProcess("Agencies.Create", Tester);
            first.Agencies.Add(NewAgency("GONE"));
            await first.SaveChangesAsync(ct);
        }

        await using (var second = database.NewContext())
        {
            second.Database.SetCommandTimeout(2);
            await using var rolledBack = await second.BeginWriteTransactionAsync(ct);
            await rolledBack.RollbackAsync(ct);
        }

        await using (var third = database.NewContext())
        {
            third.Database.SetCommandTimeout(2);
            using var process = third.BeginProcess("Agencies.Create", Tester);
            third.Agencies.Add(NewAgency("KEPT"));
            await third.SaveChangesAsync(ct);
        }

        await using var check = database.NewContext();
        Assert.Equal(["KEPT"], await check.Agencies.Select(a => a.Code).ToListAsync(ct));
        Assert.True((await AuditTrail.VerifyAsync(check, ct)).Intact);
    }

    [Fact]
    public async Task On_sqlite_a_save_waits_its_turn_behind_an_open_write_and_says_so_when_the_wait_runs_out()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var setup = await database.MigratedContextAsync())
        {
        }

        await using var holder = database.NewContext();
        var open = await holder.BeginWriteTransactionAsync(ct);
        await using var waiter = database.NewContext();
        waiter.Database.SetCommandTimeout(1);
        using (waiter.BeginProcess("Agencies.Create", Tester))
        {
            waiter.Agencies.Add(NewAgency("WAIT"));
            var refused = await Assert.ThrowsAsync<TimeoutException>(() => waiter.SaveChangesAsync(ct));
            Assert.Contains("Nothing was saved", refused.Message, StringComparison.Ordinal);

            // Once the open write ends, the same save goes through.
            await open.DisposeAsync();
            await waiter.SaveChangesAsync(ct);
        }

        Assert.Equal(["WAIT"], await waiter.Agencies.AsNoTracking().Select(a => a.Code).ToListAsync(ct));
    }

    [Fact]
    public void Transactions_are_begun_only_through_BeginWriteTransactionAsync()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Safeguard.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var offenders = new[] { "src", "bench" }
            .Select(folder => Path.Combine(root.FullName, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(file) != "SafeguardDbContext.cs")
            .Where(file => File.ReadAllText(file).Contains("Database.BeginTransaction", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(root.FullName, file))
            .ToList();
        Assert.Empty(offenders);
    }
}
