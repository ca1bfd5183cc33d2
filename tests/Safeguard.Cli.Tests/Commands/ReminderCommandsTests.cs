using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Identity;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Reminders;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

public class ReminderCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_dry_run_prints_the_digest_and_a_user_who_turned_it_off_is_refused(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync(clock)).DisposeAsync();
        await using (var services = database.Services(clock))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                var agency = new Agency { Name = "Children's services", Code = "CSC", Type = AgencyType.ChildrensSocialCare };
                db.AddRange(
                    agency,
                    new User { DisplayName = "Sam Worker", UserName = "sam.worker", NormalizedUserName = "SAM.WORKER", Email = "sam@council.test", AgencyId = agency.Id, CreatedAt = clock.GetUtcNow() },
                    new User { DisplayName = "Otto Off", UserName = "otto.off", NormalizedUserName = "OTTO.OFF", Email = "otto@council.test", AgencyId = agency.Id, CreatedAt = clock.GetUtcNow(), ReminderPreference = ReminderPreference.Off });
                await db.SaveChangesAsync(Ct);
            }
        }

        var dry = await CliHarness.RunWithDatabaseAsync(On(database, "reminders", "send", "--user", "sam.worker", "--dry-run"), clock);
        Assert.Equal((0, ""), (dry.ExitCode, dry.Error));
        Assert.Equal("Subject: Safeguard: 0 overdue, 0 due soon (23 November 2026)", dry.OutputLines[0]);
        Assert.Contains("(Nothing is overdue, due soon or waiting: no email would be sent.)", dry.OutputLines);

        var off = await CliHarness.RunWithDatabaseAsync(On(database, "reminders", "send", "--user", "otto.off"), clock);
        Assert.Equal((1, "User: otto.off has turned the daily digest off"), (off.ExitCode, off.Error.Trim()));

        var nobody = await CliHarness.RunWithDatabaseAsync(On(database, "reminders", "send", "--user", "no.one", "--dry-run"), clock);
        Assert.Equal((1, "User: There is no user 'no.one'"), (nobody.ExitCode, nobody.Error.Trim()));
    }
}
