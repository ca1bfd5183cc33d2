using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Common;
using Safeguard.ComplexSafeguarding;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard complex-safeguarding ...</c>: returns built from the missing and exploitation records.</summary>
public static class ComplexSafeguardingCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("complex-safeguarding", "Missing children and exploitation: the regional return") { RegionalReturnCommand(services) };
    }

    /// <summary>The quarter's return to the regional performance framework as CSV, to a file or the output; audited as an export.</summary>
    private static Command RegionalReturnCommand(CliServices services)
    {
        var quarter = new Option<string>("--quarter") { Description = "The reporting quarter, for example 2026-Q3 (the year starting April 2026, October to December)", Required = true };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The CSV file to write (default: print it)" };
        var command = new Command("regional-return", "The quarter's return to the regional performance framework on missing children and exploitation, as CSV (columns: docs/complex-safeguarding.md)")
        {
            quarter, output,
        };
        command.SetOutputAction(async (parseResult, writer, cancellationToken) =>
        {
            ReportingQuarter period;
            try
            {
                period = RegionalReturn.ParseQuarter(parseResult.GetRequiredValue(quarter));
            }
            catch (SafeguardValidationException ex)
            {
                throw new ArgumentException("Option --quarter: " + ex.Problems[0].Message, ex);
            }

            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<RegionalReturn>();
            if (parseResult.GetValue(output) is not { } target)
            {
                using var buffer = new MemoryStream();
                await service.WriteAsync(buffer, period, CommandSupport.CliActor(), cancellationToken);
                await writer.WriteAsync(Encoding.UTF8.GetString(buffer.ToArray()));
                return;
            }

            var partial = target.FullName + ".partial";
            try
            {
                await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
                {
                    await service.WriteAsync(stream, period, CommandSupport.CliActor(), cancellationToken);
                }

                File.Move(partial, target.FullName, overwrite: true);
            }
            finally
            {
                if (File.Exists(partial))
                {
                    File.Delete(partial);
                }
            }

            await writer.WriteLineAsync($"Wrote the regional return for {period.Name} ({RegionalReturn.Label(period)}) to {target.FullName}.");
        });
        return command;
    }
}
