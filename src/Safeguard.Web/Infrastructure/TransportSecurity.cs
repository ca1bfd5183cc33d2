using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Safeguard.Common;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// How the app is reached: whether plain HTTP is redirected to HTTPS, and which reverse proxies are trusted to say
/// (in <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>) who the client is and that it came over HTTPS. A request
/// that is HTTPS, directly or through a trusted proxy, gets cookies marked <c>Secure</c> and the HSTS header.
/// </summary>
public sealed record TransportSecurity(bool HttpsRedirection, int HttpsPort, IReadOnlyList<IPAddress> KnownProxies)
{
    public const string HttpsRedirectionKey = "Security:HttpsRedirection";
    public const string HttpsPortKey = "Security:HttpsPort";
    public const string KnownProxiesKey = "Security:KnownProxies";

    public static TransportSecurity Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var proxies = new List<IPAddress>();
        foreach (var text in (configuration[KnownProxiesKey] ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            proxies.Add(IPAddress.TryParse(text, out var address)
                ? address
                : throw new SafeguardConfigurationException($"The setting {KnownProxiesKey} has '{text}', which is not an IP address; list the proxies' addresses separated by commas."));
        }

        return new TransportSecurity(
            SettingsReader.Flag(configuration, HttpsRedirectionKey, false),
            SettingsReader.WholeNumber(configuration, HttpsPortKey, 443, 1, 65535),
            proxies);
    }

    public void AddServices(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the proxies named in the setting are believed; with none, the headers are ignored.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in KnownProxies)
            {
                o.KnownProxies.Add(proxy);
            }
        });
        services.AddHttpsRedirection(o => o.HttpsPort = HttpsPort);
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
    }

    public void Use(WebApplication app, bool sendHsts)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        if (HttpsRedirection)
        {
            app.UseHttpsRedirection();
        }

        // HSTS is sent only on HTTPS responses, never for localhost (so a developer's browser is not pinned).
        if (sendHsts || HttpsRedirection)
        {
            app.UseHsts();
        }
    }
}
