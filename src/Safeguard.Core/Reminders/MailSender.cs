using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Safeguard.Reminders;

/// <summary>Sends one email. The product's is <see cref="SmtpMailSender"/>; tests use it against a real SMTP server on loopback.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through the SMTP server named in <see cref="ReminderOptions"/>, one connection per message.</summary>
public sealed class SmtpMailSender(ReminderOptions options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var client = new SmtpClient { Timeout = (int)options.SmtpTimeout.TotalMilliseconds };
        var security = options.SmtpSecurity switch
        {
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(options.SmtpHost, options.SmtpPort, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.SmtpUserName))
        {
            await client.AuthenticateAsync(options.SmtpUserName, options.SmtpPassword ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
