using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Safeguard.Testing;

namespace Safeguard.EndToEnd.Tests;

/// <summary>
/// The real web app on Kestrel, on a free loopback port, with its own SQLite file, and a headless
/// Chromium (Debian's, never a downloaded one) to drive it. Use it as a class fixture; to change the
/// app's configuration, derive from it and override <see cref="ConfigureWebHost"/>.
/// </summary>
public class SafeguardAppFixture : IAsyncLifetime
{
    static SafeguardAppFixture() => TestHosts.WatchNoFiles();

    /// <summary>Chromium flags for a closed network: no background calls home, no sandbox as root.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ];

    /// <summary>How long an assertion waits for the page to reach the expected state.</summary>
    public const float AssertionTimeoutMilliseconds = 20_000;

    private readonly List<IBrowserContext> _contexts = [];
    private readonly Lock _contextsLock = new();
    private SafeguardWebApplicationFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>A folder of this fixture's own, deleted afterwards; holds the SQLite database.</summary>
    public string DataDirectory { get; } =
        Path.Combine(Path.GetTempPath(), "safeguard-e2e-" + Guid.NewGuid().ToString("N"));

    public string SqliteConnectionString => $"Data Source={Path.Combine(DataDirectory, "safeguard.db")}";

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The started app's services, to arrange data or read what a journey recorded.</summary>
    public IServiceProvider Services => Factory.Services;

    public WebApplicationFactory<Program> Factory =>
        _factory ?? throw new InvalidOperationException("The app has not been started yet.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started yet.");

    public virtual async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);

        _factory = new SafeguardWebApplicationFactory(builder =>
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Safeguard", SqliteConnectionString);
            ConfigureWebHost(builder);
        });
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');

        // Playwright's 5-second default for an assertion is tight for a page that seeds and computes on a
        // shared 2-core CI machine; a slow page should fail a benchmark, not a journey test.
        Assertions.SetDefaultExpectTimeout(AssertionTimeoutMilliseconds);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = TestEnvironment.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>Settings and services for this fixture's app, applied after the database settings.</summary>
    protected virtual void ConfigureWebHost(IWebHostBuilder builder)
    {
    }

    /// <summary>A page in a new browser context: its own cookies, so each test starts signed out.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        lock (_contextsLock)
        {
            _contexts.Add(context);
        }

        return await context.NewPageAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        List<IBrowserContext> contexts;
        lock (_contextsLock)
        {
            contexts = [.. _contexts];
            _contexts.Clear();
        }

        foreach (var context in contexts)
        {
            await context.DisposeAsync();
        }

        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    private sealed class SafeguardWebApplicationFactory(Action<IWebHostBuilder> configure)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => configure(builder);
    }
}
