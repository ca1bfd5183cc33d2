using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Escalations;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

public class EscalationCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task The_list_puts_overdue_escalations_first_and_the_figures_count_them_by_agency(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync(clock)).DisposeAsync();
        Guid overdue, dueToday;
        await using (var services = database.Services(clock))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var police = new Agency { Name = "Police", Code = "GMP", Type = AgencyType.Police };
            var council = new Agency { Name = "Children's services", Code = "CSC", Type = AgencyType.ChildrensSocialCare };
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.AddRange(police, council);
                await db.SaveChangesAsync(Ct);
            }

            var escalations = scope.ServiceProvider.GetRequiredService<EscalationService>();
            NewEscalation Raise(DateOnly on) => new()
            {
                RaisedWithAgencyId = council.Id,
                RaisedByRole = "Detective constable",
                Subject = "The Walsh family",
                Theme = EscalationTheme.ThresholdDecision,
                Concern = "We ask for a strategy discussion",
                RaisedOn = on,
            };
            var officer = new Actor(null, "Pat Police", police.Id);
            overdue = (await escalations.RaiseAsync(Raise(new DateOnly(2026, 11, 13)), officer, Ct)).Id;
            dueToday = (await escalations.RaiseAsync(Raise(new DateOnly(2026, 11, 16)), officer, Ct)).Id;
        }

        var list = await CliHarness.RunWithDatabaseAsync(On(database, "escalations", "list"), clock);
        Assert.Equal((0, ""), (list.ExitCode, list.Error));
        var rows = list.OutputLines.Skip(1).Select(l => System.Text.RegularExpressions.Regex.Split(l, "  +")).ToList();
        Assert.Equal([("overdue, was due 2026-11-20", overdue.ToString()), ("due 2026-11-23", dueToday.ToString())], rows.Select(r => (r[5], r[6])));
        var onlyOverdue = await CliHarness.RunWithDatabaseAsync(On(database, "escalations", "list", "--overdue"), clock);
        Assert.Equal(2, onlyOverdue.OutputLines.Length);

        var figures = await CliHarness.RunWithDatabaseAsync(On(database, "escalations", "figures", "--year", "2026"), clock);
        Assert.Equal((0, ""), (figures.ExitCode, figures.Error));
        Assert.Contains(figures.OutputLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^Raised +2026-27 +2$"));
        Assert.Contains(figures.OutputLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^Raised by +Police +2$"));
        Assert.Contains(figures.OutputLines, l => System.Text.RegularExpressions.Regex.IsMatch(l, "^Open and overdue now +1$"));

        var bad = await CliHarness.RunWithDatabaseAsync(On(database, "escalations", "figures", "--year", "26"), clock);
        Assert.NotEqual(0, bad.ExitCode);
    }
}
