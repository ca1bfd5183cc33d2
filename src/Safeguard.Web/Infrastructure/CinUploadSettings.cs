using System.Globalization;
using Safeguard.Common;
using Safeguard.Interchange.Cin.Uploads;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Reads the census upload settings: <c>Cin:MaxUploadMegabytes</c> (default 1024), <c>Cin:UploadRetention</c>
/// (a time span such as 3.00:00:00, or a number of days; default 3 days) and <c>Cin:UploadFolder</c> (relative
/// paths are under the content root).
/// </summary>
public static class CinUploadSettings
{
    public static CinUploadOptions Read(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new CinUploadOptions();
        var megabytes = SettingsReader.WholeNumber(configuration, "Cin:MaxUploadMegabytes", (int)(defaults.MaxUploadBytes / (1024 * 1024)), 1, 4096);
        var retentionText = configuration["Cin:UploadRetention"];
        var retention = defaults.UploadRetention;
        if (!string.IsNullOrWhiteSpace(retentionText))
        {
            if (!TimeSpan.TryParse(retentionText.Trim(), CultureInfo.InvariantCulture, out retention) || retention <= TimeSpan.Zero || retention > TimeSpan.FromDays(90))
            {
                throw new SafeguardConfigurationException(
                    $"The setting Cin:UploadRetention is '{retentionText}'; it must be a time span from a minute to 90 days, such as 3.00:00:00 (three days) or 12:00:00 (twelve hours).");
            }
        }

        var folder = configuration["Cin:UploadFolder"];
        return new CinUploadOptions
        {
            MaxUploadBytes = megabytes * 1024L * 1024,
            UploadRetention = retention,
            UploadFolder = string.IsNullOrWhiteSpace(folder) ? defaults.UploadFolder : Path.GetFullPath(folder.Trim(), contentRoot),
        };
    }
}

/// <summary>Purges expired census uploads when the service starts and every hour after.</summary>
public sealed partial class CinUploadPurge(IServiceScopeFactory scopes, ILogger<CinUploadPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await PurgeAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await PurgeAsync(stoppingToken);
        }
    }

    private async Task PurgeAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var removed = await scope.ServiceProvider.GetRequiredService<CinUploadStore>().PurgeExpiredAsync(cancellationToken);
            if (removed > 0)
            {
                Purged(logger, removed);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next run tries again; the service goes on.
            PurgeFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired census upload(s)")]
    private static partial void Purged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired census uploads failed")]
    private static partial void PurgeFailed(ILogger logger, Exception exception);
}
