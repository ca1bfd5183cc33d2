using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Lado;
using Safeguard.Organisations;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

public class LadoCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_list_puts_overdue_allegations_first_and_the_figures_count_them_by_sector(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync(clock)).DisposeAsync();
        Guid overdue, today;
        await using (var services = database.Services(clock))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var school = new Agency { Name = "Bury Grammar", Code = "BG", Type = AgencyType.School };
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.Add(school);
                await db.SaveChangesAsync(Ct);
            }

            var child = await scope.ServiceProvider.GetRequiredService<PersonIndex>().CreateAsync(
                new NewPerson { GivenNames = "Ada", FamilyName = "Lado", DateOfBirth = new DateOnly(2014, 1, 1), Sex = "F" }, [], Actor.System(), Ct);
            var lado = scope.ServiceProvider.GetRequiredService<LadoService>();
            AllegationDetails Referral(string name, DateOnly on, LadoSector sector) => new()
            {
                WorkerName = name,
                EmployerAgencyId = school.Id,
                WorkerRole = "Teacher",
                Sector = sector,
                ChildIds = [child.Id],
                ReferredOn = on,
                ReferrerName = "Dee Designated",
                Category = LadoCategory.Harm,
                Allegation = "Pushed a pupil",
            };
            today = (await lado.RecordAsync(Referral("Fay Friday", new DateOnly(2026, 11, 20), LadoSector.Education), Actor.System(), Ct)).Id;
            overdue = (await lado.RecordAsync(Referral("Tom Thursday", new DateOnly(2026, 11, 19), LadoSector.Health), Actor.System(), Ct)).Id;
        }

        var list = await CliHarness.RunWithDatabaseAsync(On(database, "lado", "list"), clock);
        Assert.Equal((0, ""), (list.ExitCode, list.Error));
        var rows = list.OutputLines.Skip(1).Select(l => System.Text.RegularExpressions.Regex.Split(l, "  +")).ToList();
        Assert.Equal([("Tom Thursday", "initial consideration overdue, was due 2026-11-20", overdue.ToString()), ("Fay Friday", "initial consideration due 2026-11-23", today.ToString())],
            rows.Select(r => (r[0], r[4], r[5])));

        var figures = await CliHarness.RunWithDatabaseAsync(On(database, "lado", "figures", "--year", "2026"), clock);
        Assert.Equal((0, ""), (figures.ExitCode, figures.Error));
        Assert.Contains(figures.OutputLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^Referrals +2026-27 +2$"));
        Assert.Contains(figures.OutputLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^By sector +Health +1$"));
        Assert.Contains(figures.OutputLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^Awaiting a decision +2$"));

        var bad = await CliHarness.RunWithDatabaseAsync(On(database, "lado", "figures", "--year", "26"), clock);
        Assert.NotEqual(0, bad.ExitCode);
    }
}
