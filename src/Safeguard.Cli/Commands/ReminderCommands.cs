using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Reminders;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard reminders ...</c>: the daily digest of a user's work.</summary>
public static class ReminderCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("reminders", "The daily email of each user's overdue and due-soon work") { Send(services) };
    }

    private static Command Send(CliServices services)
    {
        var user = new Option<string>("--user") { Description = "The user's sign-in name", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the digest as it would be sent, and send nothing" };
        var command = new Command(
            "send",
            "Send one user today's digest now, whatever the time (the SMTP server and links come from the environment, as for the web app: Reminders__SmtpHost, Reminders__SmtpPort, Reminders__SmtpSecurity, Reminders__SmtpUserName, Reminders__SmtpPassword, Reminders__From, Reminders__BaseUrl)")
        {
            user,
            dryRun,
        };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var options = ReminderSettings.Read(new ConfigurationBuilder().AddEnvironmentVariables().Build());
            await using var provider = services.OpenServices(parseResult, s => s.AddSingleton(options));
            using var scope = provider.CreateScope();
            var dry = parseResult.GetValue(dryRun);
            var (digest, outcome, error) = await scope.ServiceProvider.GetRequiredService<DigestService>().SendNowAsync(parseResult.GetRequiredValue(user), dry, cancellationToken);
            if (dry)
            {
                await output.WriteLineAsync($"Subject: {digest.Subject}");
                await output.WriteLineAsync();
                await output.WriteAsync(digest.Text);
                await output.WriteLineAsync(digest.IsEmpty ? "(Nothing is overdue, due soon or waiting: no email would be sent.)" : "(Dry run: nothing was sent.)");
                return;
            }

            switch (outcome)
            {
                case DigestOutcome.Sent:
                    await output.WriteLineAsync($"Sent: {digest.Subject}");
                    break;
                case DigestOutcome.NothingToSend:
                    await output.WriteLineAsync("Nothing is overdue, due soon or waiting for this user: no email was sent.");
                    break;
                default:
                    throw new Safeguard.Common.SafeguardConfigurationException($"The SMTP server ({options.SmtpHost}:{options.SmtpPort}) did not take the email: {error}");
            }
        });
        return command;
    }
}
