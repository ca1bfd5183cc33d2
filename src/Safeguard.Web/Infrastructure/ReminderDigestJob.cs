using Safeguard.Reminders;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// Sends the daily digests: every few minutes it asks <see cref="DigestService"/> to send what is due (nothing before
/// the sending time, on a day that is not a working day, or to a user already sent today), on the app's own clock.
/// </summary>
public sealed partial class ReminderDigestJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReminderDigestJob> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await RunAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var run = await scope.ServiceProvider.GetRequiredService<DigestService>().SendDueAsync(cancellationToken);
            if (run.Sent + run.Failed > 0)
            {
                Ran(logger, run.Sent, run.NothingToSend, run.Failed);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The next run tries again; the service goes on.
            Failed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily digests: {Sent} sent, {Nothing} with nothing to send, {Failed} failed (tried again on the next run).")]
    private static partial void Ran(ILogger logger, int sent, int nothing, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "The daily digests could not be sent; trying again on the next run.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
