using Safeguard.Persistence;

namespace Safeguard.Web.Tests.Support;

/// <summary>
/// One app per database provider, shared by the tests of a class and started on first use, so a class
/// that runs only on SQLite never needs PostgreSQL. Tests that change data create records of their own.
/// </summary>
public sealed class WebFactories : IAsyncDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Dictionary<DatabaseProvider, SafeguardWebFactory> _factories = [];

    public async Task<SafeguardWebFactory> ForAsync(DatabaseProvider provider)
    {
        await _lock.WaitAsync();
        try
        {
            if (!_factories.TryGetValue(provider, out var factory))
            {
                factory = await SafeguardWebFactory.CreateAsync(provider);
                _factories[provider] = factory;
            }

            return factory;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var factory in _factories.Values)
        {
            await factory.DisposeAsync();
        }

        _factories.Clear();
        _lock.Dispose();
    }
}
