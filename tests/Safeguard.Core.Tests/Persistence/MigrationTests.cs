using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Safeguard.Organisations;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Core.Tests.Persistence;

public class MigrationTests
{
    /// <summary>
    /// The hand-written migrations must build exactly the schema the model describes: the database made by
    /// applying every migration is compared, line by line, with one created straight from the model.
    /// </summary>
    [Theory, ClassData(typeof(BothProviders))]
    public async Task Migrations_build_the_schema_the_model_describes(DatabaseProvider provider)
    {
        await using var migrated = await TestDatabase.CreateAsync(provider);
        await using var created = await TestDatabase.CreateAsync(provider);
        await using var fromMigrations = await migrated.MigratedContextAsync();
        await using var fromModel = created.NewContext();
        await fromModel.Database.EnsureCreatedAsync();

        var expected = await SchemaSnapshot.DescribeAsync(fromModel, includeTriggers: false);
        var actual = await SchemaSnapshot.DescribeAsync(fromMigrations, includeTriggers: false);

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Migrations and model disagree.\nIn the model but not made by the migrations:\n  {string.Join("\n  ", missing)}\nMade by the migrations but not in the model:\n  {string.Join("\n  ", extra)}");
        Assert.Contains(actual, l => l.StartsWith("column AuditEvents.Hash", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Migrations_protect_the_audit_trail_with_triggers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        var schema = await SchemaSnapshot.DescribeAsync(db);
        Assert.Contains(schema, l => l.StartsWith("trigger AuditEvents.", StringComparison.Ordinal));
    }

    [Theory, ClassData(typeof(BothProviders))]
    public async Task Migrating_twice_changes_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        var before = await SchemaSnapshot.DescribeAsync(db);
        var pending = await SafeguardDatabase.MigrateAsync(db);
        Assert.Empty(pending);
        Assert.Equal(before, await SchemaSnapshot.DescribeAsync(db));
    }

    /// <summary>
    /// Upgrade harness: a database created at every earlier migration, with data in it, is upgraded to the
    /// latest and its data must survive. Each migration that reshapes data adds its own data and checks to
    /// <see cref="UpgradeSteps"/>; the harness walks every migration in order either way.
    /// </summary>
    [Theory, ClassData(typeof(BothProviders))]
    public async Task A_database_at_any_earlier_migration_upgrades_with_its_data_intact(DatabaseProvider provider)
    {
        await using var probe = await TestDatabase.CreateAsync(provider);
        await using var probeDb = probe.NewContext();
        var migrations = probeDb.Database.GetMigrations().ToList();
        Assert.True(migrations.Count >= 2, "The upgrade harness needs at least two migrations to mean anything.");

        foreach (var start in migrations)
        {
            await using var database = await TestDatabase.CreateAsync(provider);
            await using var db = database.NewContext();
            await db.GetService<IMigrator>().MigrateAsync(start, TestContext.Current.CancellationToken);

            // Data written at the earlier schema, with raw SQL so it does not depend on today's model.
            var agencyId = Guid.NewGuid();
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "Agencies" ("Id", "Name", "Code", "Type", "StatutoryPartner", "IsActive", "Version") VALUES ({0}, 'Upgrade Police', 'UPG', 'Police', 'Police', {1}, 0)""",
                [agencyId, true],
                TestContext.Current.CancellationToken);
            // And data written through the application at that schema, with its audit event.
            var auditedId = Guid.Empty;
            using (db.BeginProcess("Upgrade.Seed", Safeguard.Auditing.Actor.System("upgrade test")))
            {
                var audited = new Agency { Name = "Upgrade Health", Code = "UPH", Type = AgencyType.HealthProvider };
                db.Agencies.Add(audited);
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
                auditedId = audited.Id;
            }

            foreach (var step in UpgradeSteps.Where(s => string.CompareOrdinal(s.Before, start) > 0))
            {
                await step.Seed(db);
            }

            await SafeguardDatabase.MigrateAsync(db);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));

            await using var after = database.NewContext();
            var agency = await after.Agencies.SingleAsync(a => a.Id == agencyId, TestContext.Current.CancellationToken);
            Assert.Equal(("Upgrade Police", "UPG", AgencyType.Police, StatutoryPartner.Police), (agency.Name, agency.Code, agency.Type, agency.StatutoryPartner));
            Assert.True(await after.Agencies.AnyAsync(a => a.Id == auditedId, TestContext.Current.CancellationToken));
            var chain = await Safeguard.Auditing.AuditTrail.VerifyAsync(after, TestContext.Current.CancellationToken);
            Assert.True(chain.Intact, $"Upgrading from {start}: {chain.Problem}");
            Assert.Equal(1, chain.EventsChecked);
            foreach (var step in UpgradeSteps.Where(s => string.CompareOrdinal(s.Before, start) > 0))
            {
                await step.Check(after);
            }
        }
    }

    /// <summary>
    /// Per-migration upgrade data: a step whose <see cref="UpgradeStep.Before"/> names a migration is seeded
    /// on every database started before that migration, and checked after upgrading. Add one for each
    /// migration that moves or reshapes existing data.
    /// </summary>
    private static readonly UpgradeStep[] UpgradeSteps = [];

    private sealed record UpgradeStep(string Before, Func<SafeguardDbContext, Task> Seed, Func<SafeguardDbContext, Task> Check);

    [Fact]
    public async Task An_unreachable_database_gets_a_clear_message()
    {
        var settings = DatabaseSettings.Create("Postgres", "Host=127.0.0.1;Port=1;Database=none;Username=x;Password=y;Timeout=2");
        var options = new DbContextOptionsBuilder<SafeguardDbContext>();
        settings.Apply(options);
        await using var db = new SafeguardDbContext(options.Options, TimeProvider.System);
        var ex = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => SafeguardDatabase.MigrateAsync(db));
        Assert.Contains("PostgreSQL database 'none'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Oracle", null, "Database:Provider is 'Oracle'")]
    [InlineData("Postgres", null, "ConnectionStrings:Safeguard is empty")]
    [InlineData("Postgres", "Host=localhost;Bogus Key=1", "not a valid Postgres connection string")]
    [InlineData("Sqlite", "Nonsense=yes", "not a valid Sqlite connection string")]
    public void A_malformed_database_setting_is_refused_naming_the_setting(string provider, string? connection, string expected)
    {
        var ex = Assert.Throws<Safeguard.Common.SafeguardConfigurationException>(() => DatabaseSettings.Create(provider, connection));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_settings_the_embedded_database_is_under_data()
    {
        var settings = DatabaseSettings.Create(null, null);
        Assert.Equal(DatabaseProvider.Sqlite, settings.Provider);
        Assert.EndsWith(Path.Combine("data", "safeguard.db"), settings.ConnectionString, StringComparison.Ordinal);
    }
}
