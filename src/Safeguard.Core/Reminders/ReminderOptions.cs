namespace Safeguard.Reminders;

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain SMTP (a relay on the same machine or network only).</summary>
    None,

    /// <summary>STARTTLS after connecting, required (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
}

/// <summary>
/// Settings for reminders (configuration section <c>Reminders</c>): whether the daily digest is sent, when, the
/// address links in it point to, and the SMTP server that carries it.
/// </summary>
public sealed record ReminderOptions
{
    /// <summary>Whether the daily digest is sent at all. Off by default: a deployment names its SMTP server first.</summary>
    public bool Enabled { get; init; }

    /// <summary>The time of day (UK time) from which each working day's digests are sent. Default 07:00.</summary>
    public TimeOnly SendAt { get; init; } = new(7, 0);

    /// <summary>The address the product is reached at, which every link in a digest starts with.</summary>
    public string BaseUrl { get; init; } = "http://127.0.0.1:5080";

    /// <summary>The digest's sender, e.g. <c>Safeguard &lt;safeguard@partnership.example&gt;</c>.</summary>
    public string From { get; init; } = "Safeguard <safeguard@localhost>";

    public string SmtpHost { get; init; } = "localhost";

    public int SmtpPort { get; init; } = 25;

    public SmtpSecurity SmtpSecurity { get; init; } = SmtpSecurity.None;

    public string? SmtpUserName { get; init; }

    public string? SmtpPassword { get; init; }

    /// <summary>How long one connection to the SMTP server may take before the send fails (and is tried again later).</summary>
    public TimeSpan SmtpTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
