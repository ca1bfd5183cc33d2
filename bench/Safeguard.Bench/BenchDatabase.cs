using Microsoft.Extensions.DependencyInjection;
using Safeguard.Persistence;

namespace Safeguard.Bench;

/// <summary>
/// A benchmark's own database and folder: a SQLite file in a new temporary folder, or a new PostgreSQL database on
/// the PostgreSQL server given; with the Core services over it. Disposing drops the database and
/// deletes the folder.
/// </summary>
internal sealed class BenchDatabase(string folder, ServiceProvider services) : IAsyncDisposable
{
    /// <summary>The temporary folder, for the benchmark's files.</summary>
    public string Folder { get; } = folder;

    public ServiceProvider Services { get; } = services;

    /// <param name="prefix">Names the folder and, with the process id and <paramref name="suffix"/>, the PostgreSQL database.</param>
    /// <param name="suffix"></param>
    /// <param name="postgres"></param>
    public static BenchDatabase Create(string prefix, string suffix, string? postgres)
    {
        var folder = Directory.CreateTempSubdirectory($"{prefix.Replace('_', '-')}-").FullName;
        var settings = postgres is null
            ? new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}")
            : new DatabaseSettings(DatabaseProvider.Postgres, new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = $"{prefix}_{Environment.ProcessId}_{suffix}" }.ConnectionString);
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSafeguardCore(settings).AddSafeguardIdentityCore();
        return new BenchDatabase(folder, services.BuildServiceProvider());
    }

    public async ValueTask DisposeAsync()
    {
        using (var scope = Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Database.EnsureDeletedAsync();
        }

        await Services.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
