using System.Globalization;
using Microsoft.Extensions.Configuration;
using Safeguard.Common;

namespace Safeguard.Reminders;

/// <summary>
/// Reads the reminder settings (section <c>Reminders</c>, see docs/reminders.md): <c>Enabled</c>, <c>SendAt</c>
/// (HH:mm, UK time), <c>BaseUrl</c>, <c>From</c>, <c>SmtpHost</c>, <c>SmtpPort</c>, <c>SmtpSecurity</c>
/// (None, StartTls or Tls), <c>SmtpUserName</c>, <c>SmtpPassword</c>. A setting that cannot be used stops the start
/// with a message naming it.
/// </summary>
public static class ReminderSettings
{
    public static ReminderOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new ReminderOptions();
        var section = configuration.GetSection("Reminders");
        var sendAt = defaults.SendAt;
        if (section["SendAt"] is { Length: > 0 } sendAtText && !TimeOnly.TryParseExact(sendAtText.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out sendAt))
        {
            throw new SafeguardConfigurationException($"The setting Reminders:SendAt is '{sendAtText}'; it must be a time of day such as 07:00.");
        }

        var security = defaults.SmtpSecurity;
        if (section["SmtpSecurity"] is { Length: > 0 } securityText && (!Enum.TryParse(securityText.Trim(), ignoreCase: true, out security) || !Enum.IsDefined(security)))
        {
            throw new SafeguardConfigurationException($"The setting Reminders:SmtpSecurity is '{securityText}'; it must be None, StartTls or Tls.");
        }

        var baseUrl = section["BaseUrl"] is { Length: > 0 } url ? url.Trim() : defaults.BaseUrl;
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            throw new SafeguardConfigurationException($"The setting Reminders:BaseUrl is '{baseUrl}'; it must be the address users reach Safeguard at, such as https://safeguard.example.gov.uk.");
        }

        var from = section["From"] is { Length: > 0 } fromText ? fromText.Trim() : defaults.From;
        if (!MimeKit.MailboxAddress.TryParse(from, out _))
        {
            throw new SafeguardConfigurationException($"The setting Reminders:From is '{from}'; it must be an email address, such as Safeguard <safeguard@example.gov.uk>.");
        }

        return new ReminderOptions
        {
            Enabled = SettingsReader.Flag(configuration, "Reminders:Enabled", defaults.Enabled),
            SendAt = sendAt,
            BaseUrl = baseUrl,
            From = from,
            SmtpHost = section["SmtpHost"] is { Length: > 0 } host ? host.Trim() : defaults.SmtpHost,
            SmtpPort = SettingsReader.WholeNumber(configuration, "Reminders:SmtpPort", defaults.SmtpPort, 1, 65535),
            SmtpSecurity = security,
            SmtpUserName = string.IsNullOrWhiteSpace(section["SmtpUserName"]) ? null : section["SmtpUserName"]!.Trim(),
            SmtpPassword = section["SmtpPassword"],
        };
    }
}
