using Safeguard.Common;

namespace Safeguard.Reminders;

/// <summary>Whether a user receives the daily digest of their work by email.</summary>
public enum ReminderPreference
{
    Digest,
    Off,
}

/// <summary>What became of one user's digest for one working day.</summary>
public enum DigestOutcome
{
    /// <summary>The SMTP server accepted it.</summary>
    Sent,

    /// <summary>The user had nothing overdue, due soon or waiting: nothing was sent.</summary>
    NothingToSend,

    /// <summary>The SMTP server could not be reached or refused it; it is tried again on the job's next run that day.</summary>
    Failed,
}

/// <summary>
/// The record of one user's digest for one working day: kept so that a digest is sent once a day whatever restarts,
/// and so that the business unit can see who was told what was waiting (counts only: a digest names no child).
/// </summary>
public sealed class ReminderDigest : Entity
{
    public Guid UserId { get; set; }

    /// <summary>The working day the digest is for.</summary>
    public DateOnly ForDate { get; set; }

    public DigestOutcome Outcome { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The address it went to (the user's at the time).</summary>
    public string? SentTo { get; set; }

    public int Overdue { get; set; }

    public int DueSoon { get; set; }

    public int Items { get; set; }

    /// <summary>Attempts made for the day (a failed send is tried again).</summary>
    public int Attempts { get; set; }

    /// <summary>The last failure, as the SMTP server or network reported it.</summary>
    public string? Error { get; set; }
}
