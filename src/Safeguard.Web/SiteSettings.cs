namespace Safeguard.Web;

/// <summary>
/// The names the pages show. The local area running the service is configuration
/// (<c>Safeguard:AreaName</c>) so one build serves any partnership.
/// </summary>
public static class SiteSettings
{
    public const string ServiceName = "Safeguard";

    public const string DefaultAreaName = "Demo area";

    public static string AreaName(this IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Safeguard:AreaName"];
        return string.IsNullOrWhiteSpace(configured) ? DefaultAreaName : configured.Trim();
    }

    /// <summary>Where people report problems; optional until a partnership configures it.</summary>
    public static string? SupportEmail(this IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration["Safeguard:SupportEmail"];
        return string.IsNullOrWhiteSpace(configured) ? null : configured.Trim();
    }

    /// <summary>GOV.UK title pattern "Page title – Service name", without "GOV.UK" (not a GOV.UK service).</summary>
    public static string PageTitle(string? title) =>
        string.IsNullOrWhiteSpace(title) ? ServiceName : $"{title} – {ServiceName}";
}
