using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Persistence;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard audit verify</c>: checks the audit trail's hash chain.</summary>
public static class AuditCommands
{
    /// <summary>Exit code when the trail was read and found broken.</summary>
    public const int Broken = 2;

    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var verify = new Command("verify", "Check every audit event against the one before it; report the first broken link (exit code 2)");
        verify.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var result = await AuditTrail.VerifyAsync(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>(), cancellationToken);
            if (result.Intact)
            {
                await output.WriteLineAsync($"The audit trail is intact: {result.EventsChecked} events checked.");
                return CommandRunner.Success;
            }

            await output.WriteLineAsync($"{result.Problem} ({result.EventsChecked} events before it are intact.)");
            return Broken;
        });
        return new Command("audit", "The audit trail") { verify };
    }
}
