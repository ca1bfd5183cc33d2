using System.CommandLine;

// The runner keeps the namespace it had in the CLI, so the commands and their tests name it as before.
namespace Safeguard.Cli;

/// <summary>
/// Runs a command tree with the given output and error writers. Bad input gives its messages on the error
/// writer, nothing on the output, and exit code 1.
/// </summary>
public static class CommandRunner
{
    public const int Success = 0;
    public const int BadInput = 1;

    public static async Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(error);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            // Only the problems: System.CommandLine would otherwise follow them with the full help text.
            foreach (var message in parseResult.Errors.Select(e => e.Message).Distinct())
            {
                await error.WriteLineAsync(message);
            }

            return BadInput;
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
