using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.DemoData;
using Safeguard.Identity;
using Safeguard.Persistence;
using Safeguard.Testing;

namespace Safeguard.Web.Tests.Support;

/// <summary>
/// The web app in memory on a database of its own (SQLite or PostgreSQL), with the demo data, and a clock
/// the tests control: each sign-in moves it on 30 seconds so every authenticator code is fresh.
/// </summary>
public sealed class SafeguardWebFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    static SafeguardWebFactory() => TestHosts.WatchNoFiles();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public TestDatabase Database { get; } = database;

    /// <summary>Where this app keeps uploaded census files (deleted with the factory); uploads are limited to 1 MB.</summary>
    public string CinUploadFolder { get; } = Path.Combine(Path.GetTempPath(), "safeguard-test-cin-" + Guid.NewGuid().ToString("N"));

    public static async Task<SafeguardWebFactory> CreateAsync(DatabaseProvider provider)
    {
        var factory = new SafeguardWebFactory(await TestDatabase.CreateAsync(provider));
        _ = factory.Server; // start now: migrations and demo data
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Safeguard", Database.Settings.ConnectionString);
        builder.UseSetting("Demo:SeedOnFirstStart", "true");
        builder.UseSetting("Demo:Scale", "0.005");
        builder.UseSetting("Demo:Activity", "false");
        builder.UseSetting("Safeguard:AreaName", "Testshire");
        builder.UseSetting("Cin:UploadFolder", CinUploadFolder);
        builder.UseSetting("Cin:MaxUploadMegabytes", "1");
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real pages: password, then a current authenticator code.</summary>
    public async Task<HttpClient> SignInAsync(string userName, string password = DemoSeeder.DemoPassword, string? secret = null)
    {
        var client = NewClient();
        var response = await PostFormAsync(client, "/account/sign-in", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        if (response.Headers.Location!.OriginalString.StartsWith("/account/two-factor", StringComparison.Ordinal))
        {
            Clock.Advance(TimeSpan.FromSeconds(30));
            var code = Totp.CodeAt(secret ?? DemoSeeder.AuthenticatorSecretFor(userName), Clock.GetUtcNow());
            response = await PostFormAsync(client, response.Headers.Location.OriginalString, new() { ["Code"] = code });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        return client;
    }

    /// <summary>GETs the form page for its antiforgery token, then posts the fields.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields, string? formPage = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return PostFormAsync(client, url, fields.ToList(), formPage);
    }

    /// <summary>As above, for forms where a name repeats (checkboxes).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPage = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetStringAsync(formPage ?? url);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, $"No antiforgery token on {formPage ?? url}");
        using var content = new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token.Groups[1].Value)]);
        return await client.PostAsync(url, content);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(CinUploadFolder))
        {
            Directory.Delete(CinUploadFolder, recursive: true);
        }
    }
}
