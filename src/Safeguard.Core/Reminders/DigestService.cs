using Microsoft.EntityFrameworkCore;
using MimeKit;
using Safeguard.Auditing;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Identity;
using Safeguard.Persistence;

namespace Safeguard.Reminders;

/// <summary>What one run of the daily digests did.</summary>
public sealed record DigestRun(int Sent, int NothingToSend, int Failed, string? Skipped = null);

/// <summary>
/// Sends each user who wants it (<see cref="ReminderPreference.Digest"/>, with an email address, not disabled) one
/// digest per working day from <see cref="ReminderOptions.SendAt"/> UK time, keeps a record of each
/// (<see cref="ReminderDigest"/>) so a restart never sends twice, and tries a failed send again on the next run that
/// day, up to <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class DigestService(
    SafeguardDbContext db,
    DigestComposer composer,
    IMailSender mail,
    CalendarAdministration calendar,
    ReminderOptions options,
    TimeProvider time)
{
    public const int MaxAttempts = 5;

    private const string Process = "Reminders.Digest";

    /// <summary>Sends today's digests that are due and not yet sent. Does nothing on a day that is not a working day, or before the sending time.</summary>
    public async Task<DigestRun> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = UkTime.ToUkLocal(time.GetUtcNow());
        var today = DateOnly.FromDateTime(now.DateTime);
        if (!(await calendar.CalendarAsync(cancellationToken)).IsWorkingDay(today))
        {
            return new(0, 0, 0, $"{today:yyyy-MM-dd} is not a working day");
        }

        if (TimeOnly.FromDateTime(now.DateTime) < options.SendAt)
        {
            return new(0, 0, 0, $"digests are sent from {options.SendAt:HH:mm}");
        }

        var done = await db.Set<ReminderDigest>().AsNoTracking()
            .Where(d => d.ForDate == today && (d.Outcome != DigestOutcome.Failed || d.Attempts >= MaxAttempts))
            .Select(d => d.UserId).ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Include(u => u.Agency)
            .Where(u => !u.IsDisabled && u.Email != null && u.Email != "" && u.ReminderPreference == ReminderPreference.Digest && !done.Contains(u.Id))
            .OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        int sent = 0, nothing = 0, failed = 0;
        foreach (var user in users)
        {
            switch (await SendAsync(user, today, cancellationToken))
            {
                case DigestOutcome.Sent: sent++; break;
                case DigestOutcome.NothingToSend: nothing++; break;
                default: failed++; break;
            }
        }

        return new(sent, nothing, failed);
    }

    /// <summary>
    /// One user's digest now (the CLI's <c>reminders send</c>): composed from today's work and, unless
    /// <paramref name="dryRun"/>, sent whatever the day and time and recorded as today's.
    /// </summary>
    /// <exception cref="SafeguardValidationException">No such user, disabled, no email address, or digests turned off.</exception>
    public async Task<(Digest Digest, DigestOutcome? Outcome, string? Error)> SendNowAsync(string userName, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var name = userName.Trim();
        var normalized = name.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Include(u => u.Agency).FirstOrDefaultAsync(u => u.NormalizedUserName == normalized || u.UserName == name, cancellationToken)
            ?? throw new SafeguardValidationException("User", $"There is no user '{userName.Trim()}'");
        var today = UkTime.Today(time);
        var digest = await composer.ComposeAsync(user, today, cancellationToken);
        if (dryRun)
        {
            return (digest, null, null);
        }

        if (user.IsDisabled)
        {
            throw new SafeguardValidationException("User", $"{user.UserName} is disabled");
        }

        if (string.IsNullOrWhiteSpace(user.Email))
        {
            throw new SafeguardValidationException("User", $"{user.UserName} has no email address");
        }

        if (user.ReminderPreference == ReminderPreference.Off)
        {
            throw new SafeguardValidationException("User", $"{user.UserName} has turned the daily digest off");
        }

        var outcome = await SendAsync(user, today, cancellationToken, digest);
        var record = await db.Set<ReminderDigest>().AsNoTracking().SingleAsync(d => d.UserId == user.Id && d.ForDate == today, cancellationToken);
        return (digest, outcome, record.Error);
    }

    /// <summary>Turns the user's daily digest on or off.</summary>
    public async Task SetPreferenceAsync(Guid userId, ReminderPreference preference, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Enum.IsDefined(preference))
        {
            throw new SafeguardValidationException("Preference", "Choose whether to get the daily email");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken)
            ?? throw new SafeguardValidationException("User", "There is no such user");
        using (db.BeginProcess("Reminders.Preference", actor))
        {
            user.ReminderPreference = preference;
            await db.SaveAndClearAsync(cancellationToken);
        }
    }

    /// <summary>The digests recorded for the user, newest first.</summary>
    public async Task<IReadOnlyList<ReminderDigest>> HistoryAsync(Guid userId, int count, CancellationToken cancellationToken = default) =>
        await db.Set<ReminderDigest>().AsNoTracking().Where(d => d.UserId == userId).OrderByDescending(d => d.ForDate).Take(count).ToListAsync(cancellationToken);

    private async Task<DigestOutcome> SendAsync(User user, DateOnly today, CancellationToken cancellationToken, Digest? composed = null)
    {
        var digest = composed ?? await composer.ComposeAsync(user, today, cancellationToken);
        var record = await db.Set<ReminderDigest>().SingleOrDefaultAsync(d => d.UserId == user.Id && d.ForDate == today, cancellationToken);
        if (record is null)
        {
            record = new ReminderDigest { UserId = user.Id, ForDate = today };
            db.Add(record);
        }

        record.At = time.GetUtcNow();
        record.SentTo = user.Email;
        (record.Overdue, record.DueSoon, record.Items) = (digest.Overdue, digest.DueSoon, digest.Items);
        if (digest.IsEmpty)
        {
            record.Outcome = DigestOutcome.NothingToSend;
            record.Error = null;
            await SaveAsync(cancellationToken);
            return record.Outcome;
        }

        record.Attempts++;
        try
        {
            await mail.SendAsync(Message(user, digest), cancellationToken);
            record.Outcome = DigestOutcome.Sent;
            record.Error = null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            record.Outcome = DigestOutcome.Failed;
            record.Error = RecordKeeping.Fit($"{ex.GetType().Name}: {ex.Message}", 1000);
        }

        await SaveAsync(cancellationToken);
        return record.Outcome;
    }

    private MimeMessage Message(User user, Digest digest)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(new MailboxAddress(user.DisplayName, user.Email ?? throw new InvalidOperationException("The user has no email address")));
        message.Subject = digest.Subject;
        message.Body = new BodyBuilder { TextBody = digest.Text, HtmlBody = digest.Html }.ToMessageBody();
        return message;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        using (db.BeginProcess(Process, Actor.System()))
        {
            await db.SaveAndClearAsync(cancellationToken);
        }
    }
}
