using System.CommandLine;
using Safeguard.Cli;
using Safeguard.Cli.Interchange;

namespace Safeguard.Validate;

/// <summary>
/// <c>safeguard-validate</c>: the database-free validation of <c>safeguard</c>, compiled to a native executable
/// (ADR 0096). Its commands are the CLI's own, at the same path: <c>safeguard-validate ssda903 validate ...</c> does
/// what <c>safeguard ssda903 validate ...</c> does, byte for byte, except that it writes no Excel workbook.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) =>
        CommandRunner.InvokeAsync(BuildRootCommand(), args, Console.Out, Console.Error);

    /// <summary>The command tree: <c>ssda903 validate</c>.</summary>
    public static RootCommand BuildRootCommand() =>
        new("Safeguard's validators, compiled natively: the same commands and output as safeguard's, without a database")
        {
            new Command("ssda903", "The children looked after return (DfE SSDA903): validate its CSV tables")
            {
                Ssda903ValidateCommand.Create(workbookWriter: null),
            },
        };
}
