using Microsoft.Extensions.DependencyInjection;
using Safeguard.DemoData;
using Safeguard.Persistence;

namespace Safeguard.Testing;

/// <summary>
/// The Core services on a migrated database of a test's own, optionally with the demo data, and one scope
/// to resolve them from. Disposing it drops the database.
/// </summary>
public sealed class TestServices : IAsyncDisposable
{
    private TestServices(TestDatabase database, ServiceProvider provider)
    {
        Database = database;
        Provider = provider;
        Scope = provider.CreateScope();
    }

    public TestDatabase Database { get; }

    public ServiceProvider Provider { get; }

    public IServiceScope Scope { get; }

    public SafeguardDbContext Db => Get<SafeguardDbContext>();

    /// <summary>The demo data most tests use: the agencies, users and reviews, and about 200 children without activity.</summary>
    public static DemoOptions SmallDemo { get; } = new(Scale: 0.005, Activity: false);

    /// <summary>A migrated database of the test's own with the Core services; <paramref name="configure"/> registers services before the Core ones, which then keep them (settings, an SMTP sender).</summary>
    public static async Task<TestServices> CreateAsync(DatabaseProvider provider, TimeProvider? time = null, bool demoData = false, Action<IServiceCollection>? configure = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var services = new TestServices(database, database.Services(time, configure));
        await SafeguardDatabase.MigrateAsync(services.Db);
        if (demoData)
        {
            await services.Get<DemoSeeder>().SeedAsync("Testshire", SmallDemo);
        }

        return services;
    }

    public T Get<T>()
        where T : notnull => Scope.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Scope.Dispose();
        await Provider.DisposeAsync();
        await Database.DisposeAsync();
    }
}
