using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.ComplexSafeguarding;
using Safeguard.Organisations;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

public class ComplexSafeguardingCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_regional_return_is_written_as_csv_for_the_quarter_and_audited_and_a_bad_quarter_is_refused_saying_why(DatabaseProvider provider)
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync(clock)).DisposeAsync();
        await using (var services = database.Services(clock))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var police = new Agency { Name = "Greater Manchester Police", Code = "GMP", Type = AgencyType.Police };
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.Add(police);
                await db.SaveChangesAsync(Ct);
            }

            var child = await scope.ServiceProvider.GetRequiredService<PersonIndex>().CreateAsync(new NewPerson { GivenNames = "Ada", FamilyName = "Return", DateOfBirth = new DateOnly(2011, 1, 5), Sex = "F" }, [], Actor.System(), Ct);
            var missing = scope.ServiceProvider.GetRequiredService<MissingEpisodeService>();
            foreach (var (started, lookedAfter) in new[] { (new DateTimeOffset(2026, 10, 2, 12, 0, 0, TimeSpan.Zero), false), (new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero), true) })
            {
                await missing.RecordAsync(child.Id, new MissingEpisodeDetails
                {
                    Kind = MissingKind.Missing,
                    From = lookedAfter ? MissingFrom.CarePlacement : MissingFrom.Home,
                    LookedAfter = lookedAfter,
                    RiskAtReport = MissingRisk.Medium,
                    StartedAt = started,
                    EndedAt = started.AddHours(6),
                    WhereFound = "Home",
                    ReportedByAgencyId = police.Id,
                    ReportedByName = "PC Jones",
                }, Actor.System(), Ct);
            }
        }

        var printed = await CliHarness.RunWithDatabaseAsync(On(database, "complex-safeguarding", "regional-return", "--quarter", "2026-Q3"), clock);
        Assert.Equal((0, ""), (printed.ExitCode, printed.Error));
        var lines = printed.Output.Split("\r\n");
        Assert.Equal(string.Join(',', RegionalReturn.Columns), lines[0]);
        var row = RegionalReturn.Columns.Zip(lines[1].Split(',')).ToDictionary(x => x.First, x => x.Second);
        Assert.Equal(("Bury", "2026-Q3", "2026-10-01", "2026-12-31", "2", "1", "1", "1", "2", "0"),
            (row["local_authority"], row["quarter"], row["period_start"], row["period_end"], row["missing_episodes"], row["children_missing"], row["children_missing_from_home"], row["children_missing_looked_after"], row["rhi_due"], row["rhi_offered_within_72_hours"]));

        var file = Path.Combine(Path.GetTempPath(), $"regional-{Guid.NewGuid():N}.csv");
        try
        {
            var written = await CliHarness.RunWithDatabaseAsync(On(database, "complex-safeguarding", "regional-return", "--quarter", "2026-27 Q3", "-o", file), clock);
            Assert.Equal((0, ""), (written.ExitCode, written.Error));
            Assert.Contains($"Wrote the regional return for 2026-27 Q3 (2026-Q3) to {file}.", written.Output, StringComparison.Ordinal);
            Assert.Equal(lines.Take(2), (await File.ReadAllLinesAsync(file, Ct)).Take(2));
        }
        finally
        {
            File.Delete(file);
        }

        await using (var db = await database.MigratedContextAsync(clock))
        {
            var exports = await db.AuditEvents.AsNoTracking().Where(e => e.Process == RegionalReturn.Process).ToListAsync(Ct);
            Assert.Equal(2, exports.Count);
            Assert.All(exports, e => Assert.Equal(("RegionalReturn", "2026-Q3", AuditAction.Exported), (e.EntityType, e.EntityId, e.Action)));
            Assert.All(exports, e => Assert.StartsWith("safeguard CLI", e.ActorName, StringComparison.Ordinal));
        }

        var bad = await CliHarness.RunWithDatabaseAsync(On(database, "complex-safeguarding", "regional-return", "--quarter", "2026-Q5"), clock);
        Assert.Equal((1, ""), (bad.ExitCode, bad.Output));
        Assert.Contains("Option --quarter: '2026-Q5' is not a quarter: give the reporting year's first year and the quarter, for example 2026-Q3", bad.Error, StringComparison.Ordinal);
        var future = await CliHarness.RunWithDatabaseAsync(On(database, "complex-safeguarding", "regional-return", "--quarter", "2027-Q1"), clock);
        Assert.Contains("Quarter: 2027-28 Q1 has not started yet", future.Error, StringComparison.Ordinal);
    }
}
