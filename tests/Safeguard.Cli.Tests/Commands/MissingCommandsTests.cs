using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.ComplexSafeguarding;
using Safeguard.Organisations;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

public class MissingCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_daily_list_names_children_reported_recently_missing_now_and_interviews_to_offer_overdue_first(DatabaseProvider provider)
    {
        var now = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(now);
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync(clock)).DisposeAsync();
        Guid overdue, due, missingNow, offered;
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

            var people = scope.ServiceProvider.GetRequiredService<PersonIndex>();
            var missing = scope.ServiceProvider.GetRequiredService<MissingEpisodeService>();
            async Task<Guid> EpisodeAsync(string given, double startedHoursAgo, double? endedHoursAgo)
            {
                var child = await people.CreateAsync(new NewPerson { GivenNames = given, FamilyName = "Daily", DateOfBirth = new DateOnly(2011, 1, given.Length), Sex = "F" }, [], Actor.System(), Ct);
                return (await missing.RecordAsync(child.Id, new MissingEpisodeDetails
                {
                    Kind = MissingKind.Missing,
                    From = MissingFrom.Home,
                    LookedAfter = false,
                    RiskAtReport = MissingRisk.High,
                    StartedAt = now.AddHours(-startedHoursAgo),
                    EndedAt = endedHoursAgo is { } e ? now.AddHours(-e) : null,
                    WhereFound = endedHoursAgo is null ? null : "Home",
                    ReportedByAgencyId = police.Id,
                    ReportedByName = "PC Jones",
                }, Actor.System(), Ct)).Id;
            }

            missingNow = await EpisodeAsync("Ada", 3, null);
            due = await EpisodeAsync("Bea", 40, 30);
            overdue = await EpisodeAsync("Cat", 100, 80);
            offered = await EpisodeAsync("Dot", 10, 8);
            await missing.RecordInterviewAsync(offered, 0, new ReturnInterviewDetails
            {
                OfferedAt = now.AddHours(-2),
                Interviewer = "Rae",
                Independent = true,
                Outcome = ReturnInterviewOutcome.Offered,
            }, Actor.System(), Ct);
        }

        var result = await CliHarness.RunWithDatabaseAsync(On(database, "missing", "daily"), clock);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var rows = result.OutputLines.Skip(1).Select(l => System.Text.RegularExpressions.Regex.Split(l, "  +")).ToList();
        Assert.Equal(
            [("Reported recently", "Dot Daily"), ("Reported recently", "Ada Daily"), ("Missing now", "Ada Daily"), ("Interview to offer", "Cat Daily"), ("Interview to offer", "Bea Daily")],
            rows.Select(r => (r[0], r[1])));
        Assert.StartsWith("overdue, was due 2026-11-23T01:00:00+00:00", rows[3][5], StringComparison.Ordinal);
        Assert.Equal("due 2026-11-25T03:00:00+00:00", rows[4][5]);
        Assert.Equal([offered.ToString(), missingNow.ToString(), missingNow.ToString(), overdue.ToString(), due.ToString()], rows.Select(r => r[6]));

        var bad = await CliHarness.RunWithDatabaseAsync(On(database, "missing", "daily", "--hours", "0"), clock);
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("Option --hours: 0 is not between 1 and 168.", bad.Error, StringComparison.Ordinal);
        var notANumber = await CliHarness.RunWithDatabaseAsync(On(database, "missing", "daily", "--hours", "a day"), clock);
        Assert.NotEqual(0, notANumber.ExitCode);
        Assert.Contains("'a day'", notANumber.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", notANumber.Error, StringComparison.Ordinal);
    }
}
