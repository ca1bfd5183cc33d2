using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Assurance;
using Safeguard.Auditing;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

public class SelfAssessmentCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    private static List<string[]> Rows(CliHarness.Result result) => [.. result.OutputLines.Skip(1).Select(l => Regex.Split(l.Trim(), "  +"))];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_rounds_who_still_owes_and_the_sector_rates_are_listed(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync(clock)).DisposeAsync();
        Guid roundId;
        // Sent on 10 November, due on the 20th; the commands run on the 23rd.
        await using (var services = database.Services(new FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero))))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var primary = new Agency { Name = "Elm Primary School", Code = "ELM", Type = AgencyType.School, Phase = SchoolPhase.Primary };
            var secondary = new Agency { Name = "Oak High School", Code = "OAK", Type = AgencyType.School, Phase = SchoolPhase.Secondary };
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.AddRange(primary, secondary);
                await db.SaveChangesAsync(Ct);
            }

            var bu = new Actor(Guid.NewGuid(), "Bea Business", null);
            var rounds = scope.ServiceProvider.GetRequiredService<SelfAssessmentService>();
            var round = await rounds.CreateAsync(new NewRound("Section 175 audit 2026", SelfAssessmentKind.Section175, 2026), bu, Ct);
            await rounds.SendAsync(round.Id, round.Version, [primary.Id, secondary.Id], new DateOnly(2026, 11, 20), bu, Ct);
            roundId = round.Id;
            await rounds.CreateAsync(new NewRound("Section 11 audit 2025", SelfAssessmentKind.Section11, 2025), bu, Ct);
        }

        var list = await CliHarness.RunWithDatabaseAsync(On(database, "self-assessments", "list", "--year", "2026"), clock);
        Assert.Equal((0, ""), (list.ExitCode, list.Error));
        Assert.Equal(["2026-27", "Section 175", "Section 175 audit 2026", "Open", "2026-11-20", "0/2", "0.0%", roundId.ToString()], Assert.Single(Rows(list)));
        var all = await CliHarness.RunWithDatabaseAsync(On(database, "self-assessments", "list"), clock);
        Assert.Equal(["2026-27", "2025-26"], Rows(all).Select(r => r[0]));

        // Both schools owe, overdue since the 20th.
        var owed = await CliHarness.RunWithDatabaseAsync(On(database, "self-assessments", "owed", "--round", roundId.ToString()), clock);
        Assert.Equal((0, ""), (owed.ExitCode, owed.Error));
        Assert.Equal([["Elm Primary School", "Primary schools", "2026-11-20", "yes", "0"], ["Oak High School", "Secondary schools", "2026-11-20", "yes", "0"]], Rows(owed));
        var unknown = await CliHarness.RunWithDatabaseAsync(On(database, "self-assessments", "owed", "--round", Guid.Empty.ToString()), clock);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Option --round: there is no self-assessment round", unknown.Error, StringComparison.Ordinal);

        var figures = await CliHarness.RunWithDatabaseAsync(On(database, "self-assessments", "figures", "--year", "2026"), clock);
        Assert.Equal((0, ""), (figures.ExitCode, figures.Error));
        var rows = Rows(figures);
        Assert.Contains(["Section 175 audit 2026", "Section 175", "Secondary schools", "0/1", "0.0%"], rows);
        Assert.Contains(["Section 175 audit 2026", "Section 175", "All", "0/2", "0.0%"], rows);
    }
}
