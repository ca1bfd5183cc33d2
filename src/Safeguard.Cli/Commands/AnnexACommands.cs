using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Interchange.AnnexA;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard annex-a export</c>: Ofsted's Annex A lists 1 to 11 from the records, as one workbook.</summary>
public static class AnnexACommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("annex-a", "Ofsted's Annex A (the lists requested at an inspection of children's services)") { Export(services) };
    }

    private static Command Export(CliServices services)
    {
        var asAt = new Option<DateOnly>("--as-at")
        {
            Description = "The date the lists are as at (yyyy-mm-dd): lists 1-9 cover the six months to it, lists 10 and 11 the twelve months",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (CommandSupport.TryParseDate(text, out var date, out var problem))
                {
                    return date;
                }

                result.AddError($"Option --as-at: '{text}' {problem}.");
                return default;
            },
        };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The workbook to write (default: annex-a-<date>.xlsx in the current folder)" };
        var command = new Command("export", "Write Annex A lists 1-11 from the records as one workbook (a worksheet a list), checked against the template's codes") { asAt, output };
        command.SetOutputAction(async (parseResult, writer, cancellationToken) =>
        {
            var date = parseResult.GetRequiredValue(asAt);
            var file = parseResult.GetValue(output)?.FullName ?? Path.GetFullPath($"annex-a-{CommandSupport.FormatDate(date)}.xlsx");
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();

            // Written beside the target and moved into place only when every value is valid, so a failure leaves no workbook.
            var partial = file + $".{Environment.ProcessId}.partial";
            AnnexAResult result;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                await using (var stream = File.Create(partial))
                {
                    result = await scope.ServiceProvider.GetRequiredService<AnnexAExport>().WriteAsync(date, stream, CommandSupport.CliActor(), cancellationToken);
                }

                if (result.IsValid)
                {
                    File.Move(partial, file, overwrite: true);
                }
            }
            finally
            {
                File.Delete(partial);
            }

            await CommandSupport.WriteTableAsync(writer, [["list", "name", "from", "to", "rows", "blank where a value is expected"],
                .. result.Lists.Select(l => new[]
                {
                    l.Number.ToString(CultureInfo.InvariantCulture), l.Name, CommandSupport.FormatDate(l.From), CommandSupport.FormatDate(l.Until),
                    l.Rows.ToString(CultureInfo.InvariantCulture), string.Join("; ", l.BlankWhereExpected.Select(b => $"{b.Key} ({b.Value})")),
                })]);
            if (!result.IsValid)
            {
                foreach (var problem in result.Problems)
                {
                    await writer.WriteLineAsync(problem.ToString());
                }

                await writer.WriteLineAsync($"{result.ProblemCount:N0} values are not valid for the Annex A template: no workbook was written.");
                return CommandRunner.BadInput;
            }

            await writer.WriteLineAsync($"Wrote Annex A as at {CommandSupport.FormatDate(date)} ({result.Lists.Sum(l => l.Rows):N0} rows) to {file} in {clock.Elapsed.TotalSeconds:N1} s.");
            return CommandRunner.Success;
        });
        return command;
    }
}
