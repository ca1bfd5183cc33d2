using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Safeguard.Common;

namespace Safeguard.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database Safeguard uses: <c>Database:Provider</c> (<c>Sqlite</c>, the embedded default, or
/// <c>Postgres</c>) and <c>ConnectionStrings:Safeguard</c>. Both hosts read it the same way.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Safeguard";

    public static DatabaseSettings Default { get; } = new(DatabaseProvider.Sqlite, SafeguardPaths.DefaultSqliteConnectionString());

    /// <summary>Reads and checks the settings; a bad value is refused with a message naming the setting.</summary>
    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var providerText = configuration[ProviderKey];
        var connection = configuration.GetConnectionString(ConnectionStringName);
        return Create(providerText, connection);
    }

    public static DatabaseSettings Create(string? providerText, string? connectionString)
    {
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText.Trim(), ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new SafeguardConfigurationException(
                $"The setting {ProviderKey} is '{providerText}', which is not a database Safeguard supports. Use 'Sqlite' or 'Postgres'.");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new SafeguardConfigurationException(
                    $"{ProviderKey} is 'Postgres' but ConnectionStrings:{ConnectionStringName} is empty. Give a connection string such as 'Host=127.0.0.1;Port=5432;Database=safeguard;Username=safeguard;Password=...'.");
            }

            return Default;
        }

        try
        {
            // Parse now so a malformed string is reported at start-up, naming the setting, not at first query.
            _ = provider == DatabaseProvider.Sqlite
                ? new SqliteConnectionStringBuilder(connectionString).ConnectionString
                : new NpgsqlConnectionStringBuilder(connectionString).ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new SafeguardConfigurationException(
                $"ConnectionStrings:{ConnectionStringName} is not a valid {provider} connection string: {ex.Message}", ex);
        }

        return new DatabaseSettings(provider, connectionString);
    }

    public void Apply(DbContextOptionsBuilder options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolderExists();
                options.UseSqlite(ConnectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(ConnectionString, o => o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                break;
            default:
                throw new SafeguardConfigurationException($"Unknown database provider {Provider}.");
        }

        // Migrations are written by hand without model snapshots (see docs/adr/0002). Their agreement with the
        // model is proved by the schema tests instead, so the snapshot comparison is switched off.
        options.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
    }

    /// <summary>A description safe to print: the provider and where the data is, never the password.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            return $"SQLite file {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        }

        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database '{b.Database}' on {b.Host}:{b.Port}";
    }

    private void EnsureSqliteFolderExists()
    {
        var source = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(source));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
