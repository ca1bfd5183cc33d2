using System.Globalization;
using Safeguard.Auditing;
using Safeguard.Common;
using Safeguard.Persistence;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Where and how often the web app writes audit checkpoints: <c>Audit:CheckpointFile</c> (none by default: then
/// nothing is written and a warning is logged at start) and <c>Audit:CheckpointInterval</c> (default an hour).
/// </summary>
public sealed record AuditCheckpointSettings(string? File, TimeSpan Interval)
{
    public const string FileKey = "Audit:CheckpointFile";
    public const string IntervalKey = "Audit:CheckpointInterval";

    public static AuditCheckpointSettings Read(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var file = configuration[FileKey];
        var intervalText = configuration[IntervalKey];
        var interval = TimeSpan.FromHours(1);
        if (!string.IsNullOrWhiteSpace(intervalText)
            && (!TimeSpan.TryParse(intervalText.Trim(), CultureInfo.InvariantCulture, out interval) || interval < TimeSpan.FromMinutes(1) || interval > TimeSpan.FromDays(1)))
        {
            throw new SafeguardConfigurationException(
                $"The setting {IntervalKey} is '{intervalText}'; it must be a time span from a minute to a day, such as 01:00:00 (an hour).");
        }

        return new AuditCheckpointSettings(string.IsNullOrWhiteSpace(file) ? null : Path.GetFullPath(file.Trim(), contentRoot), interval);
    }
}

/// <summary>
/// Appends the audit trail's last event to the checkpoint file when the app starts and at every interval after
/// (when the trail has grown), so an operator's copy of the file anchors the trail's end; see docs/security.md.
/// </summary>
public sealed partial class AuditCheckpointWriter(IServiceScopeFactory scopes, AuditCheckpointSettings settings, TimeProvider time, ILogger<AuditCheckpointWriter> logger) : BackgroundService
{
    private long _lastWritten;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.File is null)
        {
            LogNoFile(logger, AuditCheckpointSettings.FileKey);
            return;
        }

        await WriteAsync(stoppingToken);
        using var timer = new PeriodicTimer(settings.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await WriteAsync(stoppingToken);
        }
    }

    /// <summary>Writes a checkpoint when the trail has grown since the last one; returns it, or null when nothing was written.</summary>
    public async Task<AuditCheckpoint?> WriteAsync(CancellationToken cancellationToken)
    {
        if (settings.File is null)
        {
            return null;
        }

        try
        {
            using var scope = scopes.CreateScope();
            var head = await AuditCheckpoints.HeadAsync(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>(), cancellationToken);
            if (head is null || head.Sequence == _lastWritten)
            {
                return null;
            }

            AuditCheckpoints.Append(settings.File, head);
            _lastWritten = head.Sequence;
            LogWritten(logger, head.Sequence, settings.File);
            return head;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DatabaseUnavailableException)
        {
            LogFailed(logger, settings.File, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set: no audit checkpoints are written, so events removed from the end of the audit trail could not be detected.")]
    private static partial void LogNoFile(ILogger logger, string setting);

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit checkpoint written: event {Sequence} to {File}.")]
    private static partial void LogWritten(ILogger logger, long sequence, string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit checkpoint could not be written to {File}.")]
    private static partial void LogFailed(ILogger logger, string file, Exception exception);
}
