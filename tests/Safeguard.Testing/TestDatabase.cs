using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Safeguard.Persistence;

namespace Safeguard.Testing;

/// <summary>
/// A database of its own for one test or test class: a temporary SQLite file, or a new database in the
/// PostgreSQL cluster named by <c>SAFEGUARD_TEST_POSTGRES</c> (which <c>./test.sh</c> starts). Dropped on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SAFEGUARD_TEST_POSTGRES";

    private readonly string? _sqliteFolder;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseSettings settings, string? sqliteFolder, string? postgresAdmin, string? postgresName)
    {
        Settings = settings;
        _sqliteFolder = sqliteFolder;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "safeguard-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            var connection = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "safeguard.db"), Pooling = false }.ConnectionString;
            return new TestDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, connection), folder, null, null);
        }

        var admin = PostgresConnectionString();
        var name = "sg_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString), null, admin, name);
    }

    /// <summary>
    /// The PostgreSQL connection for tests. In CI a missing cluster is a failure; on a developer's machine the
    /// PostgreSQL half of a test is skipped with a message saying how to run it.
    /// </summary>
    public static string PostgresConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(PostgresVariable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{PostgresVariable} is not set: the PostgreSQL tests must run in CI. Run them through ./test.sh, which starts a cluster.");
        }

        Assert.Skip($"PostgreSQL tests need {PostgresVariable} (./test.sh sets it by starting a throwaway cluster).");
        return "";
    }

    public SafeguardDbContext NewContext(TimeProvider? time = null)
    {
        var options = new DbContextOptionsBuilder<SafeguardDbContext>();
        Settings.Apply(options);
        return new SafeguardDbContext(options.Options, time ?? TimeProvider.System);
    }

    public async Task<SafeguardDbContext> MigratedContextAsync(TimeProvider? time = null)
    {
        var db = NewContext(time);
        await SafeguardDatabase.MigrateAsync(db);
        return db;
    }

    /// <summary>A service provider with the Core services and Identity on this database, as the CLI builds it.</summary>
    public ServiceProvider Services(TimeProvider? time = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        configure?.Invoke(services);

        services.AddSafeguardCore(Settings).AddSafeguardIdentityCore();
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFolder is not null)
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open elsewhere is removed with the temp folder later; the test result stands.
            }
        }

        if (_postgresAdmin is not null && _postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await DropPostgresDatabaseAsync(_postgresAdmin, _postgresName);
        }
    }

    // Dropping is cleanup in a throwaway cluster: many test classes create and drop databases at once, and
    // PostgreSQL can refuse a drop while another session is still going away (55006) or in a lock race.
    // Try a few times; a database that still will not go is left for the cluster's own deletion, because
    // the test it served has already passed or failed on its own merits.
    private static async Task DropPostgresDatabaseAsync(string admin, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (NpgsqlException ex) when (attempt < 5)
            {
                await Console.Error.WriteLineAsync($"TestDatabase: dropping {name} failed ({ex.Message}); trying again.");
                await Task.Delay(200 * attempt);
            }
            catch (NpgsqlException ex)
            {
                await Console.Error.WriteLineAsync($"TestDatabase: {name} left for the cluster's deletion: {ex.Message}");
                return;
            }
        }
    }
}

/// <summary>Theory data: run the test on SQLite and on PostgreSQL.</summary>
public sealed class BothProviders : TheoryData<DatabaseProvider>
{
    public BothProviders()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.Postgres);
    }
}
