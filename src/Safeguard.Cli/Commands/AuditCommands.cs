using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Auditing;
using Safeguard.Persistence;

namespace Safeguard.Cli.Commands;

/// <summary>
/// <c>safeguard audit verify</c>: checks the audit trail's hash chain, and against the checkpoints kept outside the
/// database; <c>safeguard audit checkpoint</c>: records the trail's last event as a checkpoint.
/// </summary>
public static class AuditCommands
{
    /// <summary>Exit code when the trail was read and found broken.</summary>
    public const int Broken = 2;

    /// <summary>The environment variable naming the checkpoint file when <c>--checkpoint</c> is not given.</summary>
    public const string CheckpointVariable = "SAFEGUARD_AUDIT_CHECKPOINTS";

    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var checkpointOption = new Option<FileInfo?>("--checkpoint")
        {
            Description = $"The checkpoint file (default: the {CheckpointVariable} environment variable): the trail must reach and agree with every checkpoint in it, and an intact trail's last event is appended to it",
        };
        var verify = new Command("verify", "Check every audit event against the one before it and against the checkpoints; report the first broken link (exit code 2)")
        {
            checkpointOption,
        };
        verify.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var file = CheckpointFile(parseResult, checkpointOption);
            var checkpoints = file is null ? [] : AuditCheckpoints.Read(file);
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var result = await AuditTrail.VerifyAsync(db, checkpoints, cancellationToken);
            if (!result.Intact)
            {
                await output.WriteLineAsync($"{result.Problem} ({result.EventsChecked} events before it are intact.)");
                return Broken;
            }

            await output.WriteLineAsync($"The audit trail is intact: {result.EventsChecked} events checked" +
                (file is null ? "." : $", against {result.CheckpointsChecked} checkpoints in {file}."));
            if (file is not null && result.LastHash is { } hash)
            {
                var checkpoint = new AuditCheckpoint(result.EventsChecked, hash, services.Clock.GetUtcNow());
                Append(file, checkpoint);
                await output.WriteLineAsync($"Checkpoint written to {file}: event {checkpoint.Sequence}, hash {checkpoint.Hash}.");
            }
            else if (file is null)
            {
                await output.WriteLineAsync($"No checkpoint file was given (--checkpoint or {CheckpointVariable}): events removed from the end of the trail cannot be detected without one.");
            }

            return CommandRunner.Success;
        });

        var checkpointRequired = new Option<FileInfo?>("--checkpoint") { Description = $"The checkpoint file to append to (default: the {CheckpointVariable} environment variable)" };
        var checkpointVerb = new Command("checkpoint", "Append the audit trail's last event (sequence and hash) to the checkpoint file, without checking the trail") { checkpointRequired };
        checkpointVerb.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var file = CheckpointFile(parseResult, checkpointRequired)
                ?? throw new ArgumentException($"--checkpoint: give the checkpoint file, or set {CheckpointVariable}.");
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var head = await AuditCheckpoints.HeadAsync(scope.ServiceProvider.GetRequiredService<SafeguardDbContext>(), cancellationToken);
            if (head is null)
            {
                await output.WriteLineAsync("The audit trail is empty: no checkpoint written.");
                return;
            }

            Append(file, head);
            await output.WriteLineAsync($"Checkpoint written to {file}: event {head.Sequence}, hash {head.Hash}.");
        });
        return new Command("audit", "The audit trail") { verify, checkpointVerb };
    }

    private static string? CheckpointFile(ParseResult parseResult, Option<FileInfo?> option)
    {
        var given = parseResult.GetValue(option)?.FullName ?? Environment.GetEnvironmentVariable(CheckpointVariable);
        return string.IsNullOrWhiteSpace(given) ? null : Path.GetFullPath(given);
    }

    private static void Append(string file, AuditCheckpoint checkpoint)
    {
        try
        {
            AuditCheckpoints.Append(file, checkpoint);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--checkpoint: the checkpoint could not be written to {file}: {ex.Message}", ex);
        }
    }
}
