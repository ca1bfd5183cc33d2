using Microsoft.EntityFrameworkCore;
using Safeguard.DemoData;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Cli.Tests.Commands;

/// <summary>The verbs that work on the database, run on a real SQLite file and a real PostgreSQL database.</summary>
public class DatabaseCommandTests
{
    private static string[] On(TestDatabase database, params string[] args) =>
        [.. args, "--provider", database.Provider.ToString(), "--connection", database.Settings.ConnectionString];

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Migrate_seed_and_verify_work_end_to_end_and_repeat_safely(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var migrate = await CliHarness.RunWithDatabaseAsync(On(database, "db", "migrate"));
        Assert.Equal((0, ""), (migrate.ExitCode, migrate.Error));
        Assert.Contains("Applied 20261122120000_Initial", migrate.Output, StringComparison.Ordinal);
        await using (var probe = database.NewContext())
        {
            Assert.Contains($"{probe.Database.GetMigrations().Count()} applied now", migrate.Output, StringComparison.Ordinal);
        }

        var again = await CliHarness.RunWithDatabaseAsync(On(database, "db", "migrate"));
        Assert.Contains("0 applied now", again.Output, StringComparison.Ordinal);

        var zero = await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo", "--scale", "0"));
        Assert.NotEqual(0, zero.ExitCode);
        Assert.Contains("--scale: The demo scale must be more than 0", zero.Error, StringComparison.Ordinal);

        var seed = await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo", "--area", "Cliffshire", "--scale", "0.01"));
        Assert.Equal(0, seed.ExitCode);
        Assert.Matches(@"8 agencies, 18 users, 431 children, [1-9]\d+ contacts, [1-9]\d+ referrals and 4 case reviews added", seed.Output);
        Assert.Contains(DemoSeeder.AuthenticatorSecretFor("social.worker"), seed.Output, StringComparison.Ordinal);
        var reseed = await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo"));
        Assert.Contains("0 agencies, 0 users, 0 children, 0 contacts, 0 referrals and 0 case reviews added", reseed.Output, StringComparison.Ordinal);

        var verify = await CliHarness.RunWithDatabaseAsync(On(database, "audit", "verify"));
        Assert.Equal(0, verify.ExitCode);
        Assert.Matches(@"The audit trail is intact: \d+ events checked", verify.Output);

        await using var db = database.NewContext();
        Assert.Equal("Cliffshire Police", (await db.Agencies.SingleAsync(a => a.Code == "POLICE", TestContext.Current.CancellationToken)).Name);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Verify_reports_the_first_broken_link_with_exit_code_2(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo"));
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Sqlite
                ? """DROP TRIGGER "AuditEvents_NoUpdate";"""
                : """ALTER TABLE "AuditEvents" DISABLE TRIGGER USER;""", TestContext.Current.CancellationToken);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEvents" SET "Reason" = 'edited' WHERE "Sequence" = 4""", TestContext.Current.CancellationToken);
        }

        var verify = await CliHarness.RunWithDatabaseAsync(On(database, "audit", "verify"));
        Assert.Equal(2, verify.ExitCode);
        Assert.Contains("broken at event 4", verify.Output, StringComparison.Ordinal);
        Assert.Contains("3 events before it are intact", verify.Output, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Users_add_creates_a_user_and_refuses_bad_input_naming_fields(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo"));

        var made = await CliHarness.RunWithDatabaseAsync(On(database, "users", "add", "--user-name", "new.worker", "--name", "Nia Worker", "--email", "nia@example.org",
            "--agency", "CSC", "--team", "Assessment Team", "--role", "SocialWorker", "--role", "TeamManager"));
        Assert.Equal((0, ""), (made.ExitCode, made.Error));
        var password = made.Output.Split("First password (shown once): ")[1].Trim();
        Assert.True(password.Length >= 12);

        var fromStdin = await CliHarness.RunWithDatabaseAsync(On(database, "users", "add", "--user-name", "piped", "--name", "Pip Ed", "--email", "pip@example.org",
            "--agency", "POLICE", "--role", "PartnerPractitioner", "--password-stdin"), input: "a piped password that is long\n");
        Assert.Equal(0, fromStdin.ExitCode);
        Assert.DoesNotContain("First password", fromStdin.Output, StringComparison.Ordinal);

        var bad = await CliHarness.RunWithDatabaseAsync(On(database, "users", "add", "--user-name", "x", "--name", "X", "--email", "nope",
            "--agency", "NOWHERE", "--role", "Wizard"));
        Assert.Equal((1, ""), (bad.ExitCode, bad.Output));
        Assert.Contains("Email:", bad.Error, StringComparison.Ordinal);
        Assert.Contains("Agency: There is no agency with the code 'NOWHERE'", bad.Error, StringComparison.Ordinal);
        Assert.Contains("Roles: Unknown role Wizard", bad.Error, StringComparison.Ordinal);

        await using var services = database.Services();
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(services);
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>(scope.ServiceProvider);
        var nia = await users.FindByNameAsync("new.worker");
        Assert.NotNull(nia);
        Assert.True(await users.CheckPasswordAsync(nia, password));
        Assert.Equal(["SocialWorker", "TeamManager"], (await users.GetRolesAsync(nia)).Order());
        Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync("piped"))!, "a piped password that is long"));
        Assert.Null(await users.FindByNameAsync("x"));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_real_deployment_is_set_up_from_the_CLI_without_demo_data(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.Equal(0, (await CliHarness.RunWithDatabaseAsync(On(database, "db", "migrate"))).ExitCode);
        var agency = await CliHarness.RunWithDatabaseAsync(On(database, "agencies", "add", "--code", "csc", "--name", "Northshire Children's Social Care", "--type", "ChildrensSocialCare", "--partner", "LocalAuthority"));
        Assert.Equal((0, "Added Northshire Children's Social Care (CSC).\n"), (agency.ExitCode, agency.Output));
        var team = await CliHarness.RunWithDatabaseAsync(On(database, "agencies", "add-team", "--agency", "CSC", "--name", "MASH"));
        Assert.Equal(0, team.ExitCode);
        var duplicate = await CliHarness.RunWithDatabaseAsync(On(database, "agencies", "add", "--code", "CSC", "--name", "Another", "--type", "Police"));
        Assert.Equal(1, duplicate.ExitCode);
        Assert.Contains("Code: The code 'CSC' is already used", duplicate.Error, StringComparison.Ordinal);
        var badType = await CliHarness.RunWithDatabaseAsync(On(database, "agencies", "add", "--code", "X", "--name", "X", "--type", "Spaceport"));
        Assert.Equal(1, badType.ExitCode);
        Assert.Contains("Spaceport", badType.Error, StringComparison.Ordinal);
        var school = await CliHarness.RunWithDatabaseAsync(On(database, "agencies", "add", "--code", "HIGH", "--name", "Northshire High School", "--type", "School", "--phase", "Secondary"));
        Assert.Equal(0, school.ExitCode);
        var phaseForPolice = await CliHarness.RunWithDatabaseAsync(On(database, "agencies", "add", "--code", "NPOL", "--name", "Northshire Police", "--type", "Police", "--phase", "Primary"));
        Assert.Equal(1, phaseForPolice.ExitCode);
        Assert.Contains("Phase: Only a school has a phase", phaseForPolice.Error, StringComparison.Ordinal);

        var admin = await CliHarness.RunWithDatabaseAsync(On(database, "users", "add", "--user-name", "first.admin", "--name", "First Admin", "--email", "admin@northshire.example",
            "--agency", "CSC", "--team", "MASH", "--role", "Administrator"));
        Assert.Equal((0, ""), (admin.ExitCode, admin.Error));
        var list = (await CliHarness.RunWithDatabaseAsync(On(database, "agencies", "list"))).Output;
        Assert.Contains("CSC", list, StringComparison.Ordinal);
        Assert.Matches(@"HIGH +Northshire High School +School +Secondary", list);

        var demo = await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo"));
        Assert.Equal((1, ""), (demo.ExitCode, demo.Output));
        Assert.Contains("looks like a real deployment", demo.Error, StringComparison.Ordinal);
        await using var db = database.NewContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "social.worker", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Totp_prints_the_current_code_for_demo_accounts_only()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await CliHarness.RunWithDatabaseAsync(On(database, "seed", "demo"));
        await CliHarness.RunWithDatabaseAsync(On(database, "users", "add", "--user-name", "real.person", "--name", "Real Person", "--email", "real@example.org", "--agency", "CSC", "--role", "SocialWorker"));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));

        var demo = await CliHarness.RunWithDatabaseAsync(On(database, "users", "totp", "social.worker"), clock);
        Assert.Equal(Totp.CodeAt(DemoSeeder.AuthenticatorSecretFor("social.worker"), clock.GetUtcNow()) + "\n", demo.Output);

        var real = await CliHarness.RunWithDatabaseAsync(On(database, "users", "totp", "real.person"), clock);
        Assert.Equal((1, ""), (real.ExitCode, real.Output));
        Assert.Contains("not a demo account", real.Error, StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Proclaimed_days_and_local_timescales_set_from_the_CLI_change_its_answers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CliHarness.RunWithDatabaseAsync(On(database, "db", "migrate"));
        Assert.Equal("2027-06-03\n", (await CliHarness.RunWithDatabaseAsync(On(database, "calendar", "add-working-days", "2027-06-02", "1"))).Output);

        var proclaim = await CliHarness.RunWithDatabaseAsync(On(database, "calendar", "proclaim", "2027-06-03", "Royal celebration", "--reason", "Proclamation"));
        Assert.Equal(0, proclaim.ExitCode);
        Assert.Equal("2027-06-04\n", (await CliHarness.RunWithDatabaseAsync(On(database, "calendar", "add-working-days", "2027-06-02", "1"))).Output);
        Assert.Matches(@"2027-06-03\s+Royal celebration\s+proclaimed", (await CliHarness.RunWithDatabaseAsync(On(database, "calendar", "holidays", "2027"))).Output);

        var weekend = await CliHarness.RunWithDatabaseAsync(On(database, "calendar", "proclaim", "2027-06-05", "Saturday"));
        Assert.Equal((1, ""), (weekend.ExitCode, weekend.Output));
        Assert.Contains("Saturday", weekend.Error, StringComparison.Ordinal);

        var statutory = await CliHarness.RunWithDatabaseAsync(On(database, "timescales", "set", "assessment", "30"));
        Assert.Equal(1, statutory.ExitCode);
        var local = await CliHarness.RunWithDatabaseAsync(On(database, "timescales", "set", "first-core-group", "8", "--reason", "local procedure"));
        Assert.Equal((0, "first-core-group is now 8 working days (default 10 working days).\n"), (local.ExitCode, local.Output));
        Assert.Contains("8 working days (local; default 10 working days)", (await CliHarness.RunWithDatabaseAsync(On(database, "timescales", "list"))).Output, StringComparison.Ordinal);

        var withdraw = await CliHarness.RunWithDatabaseAsync(On(database, "calendar", "withdraw", "2027-06-03"));
        Assert.Equal(0, withdraw.ExitCode);
        Assert.Equal("2027-06-03\n", (await CliHarness.RunWithDatabaseAsync(On(database, "calendar", "add-working-days", "2027-06-02", "1"))).Output);
    }

    [Fact]
    public async Task An_unreachable_or_misconfigured_database_is_a_clear_error()
    {
        var unreachable = await CliHarness.RunWithDatabaseAsync(["audit", "verify", "--provider", "Postgres", "--connection", "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2"]);
        Assert.Equal((1, ""), (unreachable.ExitCode, unreachable.Output));
        Assert.Contains("could not use its database (PostgreSQL database 'x' on 127.0.0.1:1)", unreachable.Error, StringComparison.Ordinal);

        var misconfigured = await CliHarness.RunWithDatabaseAsync(["db", "migrate", "--provider", "Oracle"]);
        Assert.Equal(1, misconfigured.ExitCode);
        Assert.Contains("Database:Provider is 'Oracle'", misconfigured.Error, StringComparison.Ordinal);
    }
}
