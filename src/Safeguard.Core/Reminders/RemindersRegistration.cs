using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Safeguard.Reminders;

public static class RemindersRegistration
{
    /// <summary>The digest's composer and sender; the hosts add the SMTP settings (<see cref="ReminderOptions"/>) before this, or get the defaults.</summary>
    public static void AddReminders(IServiceCollection services)
    {
        services.TryAddSingleton(new ReminderOptions());
        services.TryAddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<DigestComposer>();
        services.AddScoped<DigestService>();
    }
}
