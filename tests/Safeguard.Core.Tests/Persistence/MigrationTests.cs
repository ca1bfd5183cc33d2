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
            // And data written through the application at that schema, with its audit event (a team: agencies have
            // gained columns since the first migration, so today's model cannot write one at an earlier schema).
            var auditedId = Guid.Empty;
            using (db.BeginProcess("Upgrade.Seed", Safeguard.Auditing.Actor.System("upgrade test")))
            {
                var audited = new Team { Name = "Upgrade Team", AgencyId = agencyId };
                db.Teams.Add(audited);
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
            Assert.True(await after.Teams.AnyAsync(t => t.Id == auditedId && t.AgencyId == agencyId, TestContext.Current.CancellationToken));
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

    /// <summary>
    /// Retiring the indicator's single benchmark values (ADR 0018): a database at the migration before, with
    /// values in those columns, keeps each as a benchmark for the reporting year the migration runs in, and a
    /// benchmark already entered for that year and kind is not overwritten.
    /// </summary>
    [Theory, ClassData(typeof(BothProviders))]
    public async Task Retiring_the_single_benchmark_values_copies_each_into_a_benchmark_and_keeps_those_already_entered(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await db.GetService<IMigrator>().MigrateAsync("20261123150000_ChildVisits", ct);

        var yearBefore = Safeguard.Common.ReportingYear.Of(Safeguard.Calendar.UkTime.Today(TimeProvider.System)).StartYear;
        var (both, englandOnly, neither) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        foreach (var (id, code, england, neighbours) in new[] { (both, "T.1", (decimal?)22.5m, (decimal?)19.25m), (englandOnly, "T.2", 380.5m, null), (neither, "T.3", null, null) })
        {
            await db.Database.ExecuteSqlRawAsync(
                """
                INSERT INTO "Indicators" ("Id", "Code", "GroupNumber", "Title", "Definition", "Unit", "Aggregation", "Polarity", "TolerancePercent", "Source", "EnglandAverage", "StatisticalNeighbours", "IsRetired", "SortOrder", "Version")
                VALUES ({0}, {1}, 9, 'Upgrade indicator', 'A test', 'Percentage', 'Average', 'Neutral', 10, 'Returned', {2}, {3}, {4}, 900, 0)
                """,
                [id, code, england!, neighbours!, false],
                ct);
        }

        // T.2 already has an England benchmark entered for this year: the single value must not replace it.
        object recordedAt = provider == DatabaseProvider.Sqlite ? TimeProvider.System.GetUtcNow().UtcTicks : TimeProvider.System.GetUtcNow();
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO "IndicatorBenchmarks" ("Id", "IndicatorId", "YearStart", "Kind", "Value", "Source", "RecordedAt", "RecordedBy", "Version")
            VALUES ({0}, {1}, {2}, 'England', 400, 'DfE LAIT', {3}, 'Business Unit', 0)
            """,
            [Guid.NewGuid(), englandOnly, yearBefore, recordedAt],
            ct);

        await SafeguardDatabase.MigrateAsync(db);
        var yearAfter = Safeguard.Common.ReportingYear.Of(Safeguard.Calendar.UkTime.Today(TimeProvider.System)).StartYear;

        await using var after = database.NewContext();
        var benchmarks = (await after.Set<Safeguard.Dataset.IndicatorBenchmark>().AsNoTracking().ToListAsync(ct)).OrderBy(b => b.Value).ToList();
        var copied = benchmarks.Where(b => b.RecordedBy == Safeguard.Persistence.Migrations.RetireSingleBenchmarks.CopiedBy).ToList();
        Assert.Equal(
            [(both, Safeguard.Dataset.BenchmarkKind.StatisticalNeighbours, 19.25m), (both, Safeguard.Dataset.BenchmarkKind.England, 22.5m)],
            copied.Select(b => (b.IndicatorId, b.Kind, b.Value)));
        Assert.All(copied, b =>
        {
            Assert.Contains(b.YearStart, new[] { yearBefore, yearAfter }); // the migration ran in this reporting year
            Assert.Equal("Indicator catalogue (single value, year not recorded)", b.Source);
            Assert.Equal(0, b.Version);
            Assert.True(Math.Abs((TimeProvider.System.GetUtcNow() - b.RecordedAt).TotalMinutes) < 10, $"Recorded at {b.RecordedAt:O}");
        });
        Assert.Equal(2, copied.Select(b => b.Id).Distinct().Count());
        var kept = Assert.Single(benchmarks, b => b.IndicatorId == englandOnly);
        Assert.Equal((400m, "DfE LAIT"), (kept.Value, kept.Source));
        Assert.DoesNotContain(benchmarks, b => b.IndicatorId == neither);

        // A copied benchmark's id is stored as the application stores one, so it is found by it and can be changed.
        var one = copied[0];
        Assert.Equal(one.IndicatorId, (await after.Set<Safeguard.Dataset.IndicatorBenchmark>().SingleAsync(b => b.Id == one.Id, ct)).IndicatorId);
        using (after.BeginProcess("Upgrade.Check", Safeguard.Auditing.Actor.System("upgrade test")))
        {
            var tracked = await after.Set<Safeguard.Dataset.IndicatorBenchmark>().SingleAsync(b => b.Id == one.Id, ct);
            tracked.Value = 20m;
            await after.SaveChangesAsync(ct);
        }

        await using (var reread = database.NewContext())
        {
            Assert.Equal(20m, (await reread.Set<Safeguard.Dataset.IndicatorBenchmark>().AsNoTracking().SingleAsync(b => b.Id == one.Id, ct)).Value);
        }

        Assert.Equal(
            ["T.1", "T.2", "T.3"],
            await after.Set<Safeguard.Dataset.Indicator>().AsNoTracking().Where(i => i.Code.StartsWith("T.")).OrderBy(i => i.Code).Select(i => i.Code).ToListAsync(ct));
    }

    /// <summary>
    /// Business plan priorities name a workstream (ADR 0082): text that is a workstream's title (any case, spaces
    /// around) or holds its address is linked, to the newest plan's workstream when two plans have one of that title,
    /// and the text cleared; other text is kept as the note. Going back restores the text.
    /// </summary>
    [Theory, ClassData(typeof(BothProviders))]
    public async Task Priorities_linked_to_workstreams_by_text_are_linked_by_title_or_address_and_other_text_is_kept_as_a_note(DatabaseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        const string before = "20261207500000_AnnualReport";
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        await db.GetService<IMigrator>().MigrateAsync(before, ct);

        // The plans and workstreams as the application wrote them (their tables are unchanged by the migration).
        var agency = new Agency { Name = "Upgrade Health", Code = "UPH", Type = AgencyType.HealthCommissioner };
        var lead = new Safeguard.Identity.User { DisplayName = "Lee Lead", UserName = "lead", AgencyId = agency.Id, CreatedAt = TimeProvider.System.GetUtcNow() };
        var older = new Safeguard.ImprovementPlan.Plan { Title = "Improvement plan 2023-25", StartsOn = new DateOnly(2023, 4, 1), EndsOn = new DateOnly(2025, 3, 31), CreatedBy = "test" };
        var newer = new Safeguard.ImprovementPlan.Plan { Title = "Improvement plan 2025-27", StartsOn = new DateOnly(2025, 4, 1), EndsOn = new DateOnly(2027, 3, 31), CreatedBy = "test" };
        Safeguard.ImprovementPlan.Workstream NewWorkstream(Safeguard.ImprovementPlan.Plan plan, Safeguard.ImprovementPlan.PlanOutcome outcome, string title) =>
            new() { PlanId = plan.Id, OutcomeId = outcome.Id, Title = title, LeadUserId = lead.Id, LeadName = lead.DisplayName, LeadAgencyId = agency.Id };
        var oldOutcome = new Safeguard.ImprovementPlan.PlanOutcome { PlanId = older.Id, Number = 1, Title = "Old" };
        var newOutcome = new Safeguard.ImprovementPlan.PlanOutcome { PlanId = newer.Id, Number = 1, Title = "New" };
        var oldEarlyHelp = NewWorkstream(older, oldOutcome, "Early help offer");
        var earlyHelp = NewWorkstream(newer, newOutcome, "Early help offer");
        var exploitation = NewWorkstream(newer, newOutcome, "Missing and exploitation");
        // The lead is written with today's model, whose user table has a column a later migration adds (20261209000000):
        // it is there for the seed only, so that the migrations add it as they would.
        await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AspNetUsers\" ADD \"SocialWorkEnglandNumber\" varchar(10)", ct);
        using (db.BeginProcess("Upgrade.Seed", Safeguard.Auditing.Actor.System("upgrade test")))
        {
            db.AddRange(agency, lead, older, newer, oldOutcome, newOutcome, oldEarlyHelp, earlyHelp, exploitation);
            await db.SaveChangesAsync(ct);
        }

        await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AspNetUsers\" DROP COLUMN \"SocialWorkEnglandNumber\"", ct);

        (int Number, string? Text)[] texts =
        [
            (1, "  EARLY HELP offer "),
            (2, $"/assurance/improvement-plan/workstreams/{exploitation.Id}?period=2026-Q3"),
            (3, "Workstream 4: Quality of practice"),
            (4, null),
        ];
        foreach (var (number, text) in texts)
        {
            await db.Database.ExecuteSqlRawAsync(
                """INSERT INTO "BusinessPriorities" ("Id", "YearStart", "Number", "Title", "Description", "OwnerBoardId", "ImprovementPlanLink", "Version") VALUES ({0}, 2026, {1}, {2}, 'A priority', NULL, {3}, 0)""",
                [Guid.NewGuid(), number, $"Priority {number}", text!],
                ct);
        }

        await SafeguardDatabase.MigrateAsync(db);
        await using (var after = database.NewContext())
        {
            var priorities = await after.Set<Safeguard.Governance.BusinessPriority>().AsNoTracking().OrderBy(p => p.Number).ToListAsync(ct);
            Assert.Equal(
                [((Guid?)earlyHelp.Id, (string?)null), (exploitation.Id, null), (null, "Workstream 4: Quality of practice"), (null, null)],
                priorities.Select(p => (p.WorkstreamId, p.ImprovementPlanNote)));
            Assert.Equal(["Priority 1"], (await after.Set<Safeguard.Governance.BusinessPriority>().AsNoTracking().Where(p => p.WorkstreamId == earlyHelp.Id).ToListAsync(ct)).Select(p => p.Title));
        }

        // Back to the text: a linked priority gets its workstream's title, the note is kept. Going back passes through
        // the later migrations' Down too, which SQLite cannot take (EF Core refuses a column drop there, and an agenda
        // item's reference column stays), so a downgrade is a PostgreSQL path: a SQLite database is the embedded demo's.
        if (provider != DatabaseProvider.Postgres)
        {
            return;
        }

        await db.GetService<IMigrator>().MigrateAsync(before, ct);
        var back = await db.Database.SqlQueryRaw<string?>("""SELECT "ImprovementPlanLink" AS "Value" FROM "BusinessPriorities" ORDER BY "Number" """).ToListAsync(ct);
        Assert.Equal(["Early help offer", "Missing and exploitation", "Workstream 4: Quality of practice", null], back);
        await SafeguardDatabase.MigrateAsync(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
    }

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
