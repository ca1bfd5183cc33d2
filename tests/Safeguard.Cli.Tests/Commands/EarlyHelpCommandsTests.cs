using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.EarlyHelp;
using Safeguard.Organisations;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

public class EarlyHelpCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_list_puts_overdue_reviews_first_and_the_figures_give_the_lead_share_by_quarter(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync(clock)).DisposeAsync();
        Guid overdue, due;
        await using (var services = database.Services(clock))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var locality = new Agency { Name = "Locality Team", Code = "EHL", Type = AgencyType.LocalAuthorityOther };
            var school = new Agency { Name = "Elton High", Code = "EH", Type = AgencyType.School };
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.AddRange(locality, school);
                await db.SaveChangesAsync(Ct);
            }

            var people = scope.ServiceProvider.GetRequiredService<PersonIndex>();
            var earlyHelp = scope.ServiceProvider.GetRequiredService<EarlyHelpService>();
            async Task<Guid> EpisodeAsync(string family, DateOnly started, Guid agency)
            {
                var child = await people.CreateAsync(new NewPerson { GivenNames = "Ada", FamilyName = family, DateOfBirth = new DateOnly(2015, 1, family.Length), Sex = "F" }, [], Actor.System(), Ct);
                return (await earlyHelp.StartAsync(new EarlyHelpStart
                {
                    StartedOn = started,
                    Source = EarlyHelpSource.PartnerAgency,
                    RequestedByAgencyId = school.Id,
                    ChildIds = [child.Id],
                    Lead = new EarlyHelpLeadInput(agency, null, "Lee Lead", null, started),
                }, Actor.System(), Ct)).Id;
            }

            due = await EpisodeAsync("Bloggs", new DateOnly(2026, 11, 2), school.Id);
            overdue = await EpisodeAsync("Smith", new DateOnly(2026, 8, 3), locality.Id);
            await EpisodeAsync("Jones", new DateOnly(2026, 7, 1), locality.Id);
        }

        var list = await CliHarness.RunWithDatabaseAsync(On(database, "early-help", "list"), clock);
        Assert.Equal((0, ""), (list.ExitCode, list.Error));
        var rows = list.OutputLines.Skip(1).Select(l => System.Text.RegularExpressions.Regex.Split(l, "  +")).ToList();
        Assert.Equal(["The Jones family", "The Smith family", "The Bloggs family"], rows.Select(r => r[0]));
        Assert.Equal(("overdue, was due 2026-09-14", overdue.ToString()), (rows[1][6], rows[1][7]));
        Assert.Equal(("Elton High", "due 2026-12-14", due.ToString()), (rows[2][4], rows[2][6], rows[2][7]));

        var figures = await CliHarness.RunWithDatabaseAsync(On(database, "early-help", "figures", "--year", "2026"), clock);
        Assert.Equal((0, ""), (figures.ExitCode, figures.Error));
        Assert.Contains(figures.OutputLines, l => l.StartsWith("2026-27 Q2", StringComparison.Ordinal) && System.Text.RegularExpressions.Regex.Split(l, "  +")[3] == "2");
        var localityLine = Assert.Single(figures.OutputLines, l => l.StartsWith("Locality Team", StringComparison.Ordinal));
        Assert.Equal(["Locality Team", "-", "100.0% (2)", "66.7% (2)"], System.Text.RegularExpressions.Regex.Split(localityLine, "  +"));

        var bad = await CliHarness.RunWithDatabaseAsync(On(database, "early-help", "figures", "--year", "26"), clock);
        Assert.NotEqual(0, bad.ExitCode);
    }
}
