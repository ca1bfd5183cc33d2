using Microsoft.Extensions.DependencyInjection;
using Safeguard.Assurance;
using Safeguard.Auditing;
using Safeguard.Journey;
using Safeguard.Organisations;
using Safeguard.People;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

public class AssuranceCommandsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Audits_list_gives_each_audit_of_the_year_with_its_return_rate(DatabaseProvider provider)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        await using var database = await TestDatabase.CreateAsync(provider);
        await (await database.MigratedContextAsync(clock)).DisposeAsync();
        Guid open;
        await using (var services = database.Services(clock))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var council = new Agency { Name = "Children's services", Code = "CSC", Type = AgencyType.ChildrensSocialCare };
            var police = new Agency { Name = "Greater Manchester Police", Code = "GMP", Type = AgencyType.Police };
            using (db.BeginProcess("Test.Seed", Actor.System()))
            {
                db.AddRange(council, police);
                await db.SaveChangesAsync(Ct);
            }

            var bu = new Actor(Guid.NewGuid(), "Bea Business", null);
            var child = await scope.ServiceProvider.GetRequiredService<PersonIndex>().CreateAsync(
                new NewPerson { GivenNames = "Ada", FamilyName = "Audit", DateOfBirth = new DateOnly(2015, 5, 1), Sex = "F" }, [], Actor.System(), Ct);
            await scope.ServiceProvider.GetRequiredService<CaseworkService>().OpenReferralAsync(child.Id, new NewReferral(new DateOnly(2026, 10, 5), "2A", "N1", false), new Actor(null, "system", council.Id), Ct);
            var audits = scope.ServiceProvider.GetRequiredService<AuditService>();
            var audit = await audits.CreateAsync(new NewAudit("Neglect", "Neglect", 2026, "Was neglect recognised?", null), bu, Ct);
            await audits.SampleAsync(audit.Id, new SampleRequest(SampleCriterion.Referred, new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 5), bu, Ct);
            await audits.OpenReturnsAsync(audit.Id, audit.Version, [council.Id, police.Id], new DateOnly(2026, 12, 4), bu, Ct);
            open = audit.Id;
            await audits.CreateAsync(new NewAudit("Missing children", "Missing", 2025, "Was the child's voice heard?", null), bu, Ct);
        }

        var result = await CliHarness.RunWithDatabaseAsync(On(database, "audits", "list", "--year", "2026"), clock);

        Assert.Equal((0, ""), (result.ExitCode, result.Error));
        var rows = result.OutputLines.Skip(1).Select(l => System.Text.RegularExpressions.Regex.Split(l.Trim(), "  +")).ToList();
        var row = Assert.Single(rows);
        Assert.Equal(["2026-27", "Neglect", "Neglect", "ReturnsOpen", "2026-12-04", "0/2", "0.0%", open.ToString()], row);

        var all = await CliHarness.RunWithDatabaseAsync(On(database, "audits", "list"), clock);
        Assert.Equal(["2026-27", "2025-26"], all.OutputLines.Skip(1).Select(l => l[..7]));
    }
}
