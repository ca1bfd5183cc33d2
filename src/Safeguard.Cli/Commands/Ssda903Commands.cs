using System.CommandLine;
using Safeguard.Cli.Interchange;
using Safeguard.Interchange;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard ssda903 ...</c>: the children looked after return (DfE SSDA903).</summary>
public static class Ssda903Commands
{
    /// <summary>The exit code when the return was validated and has errors.</summary>
    public const int ErrorsFound = Ssda903ValidateCommand.ErrorsFound;

    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("ssda903", "The children looked after return (DfE SSDA903): validate, import and export its CSV tables")
        {
            Ssda903ValidateCommand.Create(stream => new XlsxIssueWriter(stream, withTable: true)),
            Ssda903ImportExportCommands.Import(services),
            Ssda903ImportExportCommands.Export(services),
        };
    }
}
