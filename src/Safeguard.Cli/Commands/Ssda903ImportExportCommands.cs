using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903;
using Safeguard.Interchange.Ssda903.Rules;
using Safeguard.LookedAfter;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard ssda903 import</c> and <c>safeguard ssda903 export</c>: the return into and out of the looked-after records.</summary>
public static class Ssda903ImportExportCommands
{
    public static Command Import(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var paths = new Argument<string[]>("files")
        {
            Description = "The return's CSV tables: a folder of them, or the files (each table is recognised by its header row)",
            Arity = ArgumentArity.OneOrMore,
        };
        var collection = CollectionOption();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be created, changed and left unchanged, and write nothing" };
        var command = new Command("import", "Load a return into the looked-after records: validated first (refused with any error), then all or nothing; importing it again changes nothing")
        {
            paths, collection, dryRun,
        };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var year = CinCollection.Parse(parseResult.GetValue(collection) ?? Rules2024To25.CollectionName);
            List<Ssda903File> files;
            try
            {
                files = [.. Ssda903File.FromPaths(parseResult.GetRequiredValue(paths))];
            }
            catch (Ssda903UnreadableException ex)
            {
                throw new ArgumentException(ex.Message, ex);
            }

            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<Ssda903ImportService>().ImportAsync(
                files, new Ssda903ImportOptions { Collection = year, DryRun = parseResult.GetValue(dryRun) }, CommandSupport.CliActor(), cancellationToken);
            await WriteResultAsync(output, result);
        });
        return command;
    }

    public static Command Export(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var collection = CollectionOption();
        var output = new Option<DirectoryInfo?>("--output", "-o") { Description = "The folder to write the tables into (default: ssda903-<collection> in the current folder)" };
        var command = new Command("export", "Write the return of a collection year from the looked-after records: one CSV file a table, ready for 'ssda903 validate'")
        {
            collection, output,
        };
        command.SetOutputAction(async (parseResult, writer, cancellationToken) =>
        {
            var year = CinCollection.Parse(parseResult.GetValue(collection) ?? Rules2024To25.CollectionName);
            var folder = parseResult.GetValue(output)?.FullName ?? Path.GetFullPath($"ssda903-{year.Name}");
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();

            // Written to a folder beside the target and moved into place when complete, so a failure leaves no half return.
            var partial = folder.TrimEnd(Path.DirectorySeparatorChar) + $".{Environment.ProcessId}.partial";
            Ssda903ExportResult result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<Ssda903ExportService>().ExportAsync(partial, year, CommandSupport.CliActor(), cancellationToken);
                Directory.CreateDirectory(folder);
                foreach (var file in Directory.EnumerateFiles(partial))
                {
                    File.Move(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
                }
            }
            finally
            {
                if (Directory.Exists(partial))
                {
                    Directory.Delete(partial, recursive: true);
                }
            }

            await CommandSupport.WriteTableAsync(writer, [["table", "file", "rows"], .. result.Files.Select(f => new[] { f.Table, f.File, f.Rows.ToString(CultureInfo.InvariantCulture) })]);
            await writer.WriteLineAsync($"Wrote the {result.Collection.Name} return of {result.Children:N0} children to {folder}.");
            if (result.WithoutCouncilChildId > 0)
            {
                await writer.WriteLineAsync($"Left out {result.WithoutCouncilChildId:N0} children looked after in the year with no council child id (the return's CHILD): add one to their records.");
            }

            foreach (var note in result.NotExported)
            {
                await writer.WriteLineAsync($"Not exported: {note}");
            }

            if (result.Oc2NotRecorded.Count > 0)
            {
                await writer.WriteLineAsync($"OC2: {result.Oc2NotRecorded.Count:N0} children looked after for 12 months have items not recorded, written blank (validation rule 191 and others report them); record them on each child's health and wellbeing page:");
                foreach (var child in result.Oc2NotRecorded)
                {
                    await writer.WriteLineAsync($"  {child}");
                }
            }

            var lastYear = $"{year.Start.Year - 1}-{year.Start.Year % 100:00}";
            await writer.WriteLineAsync(
                $"Check it before sending, beside last year's return (export it with --collection {lastYear}) for the rules that compare with last year: "
                + $"safeguard ssda903 validate {folder} --collection {year.Name} --last-year <last year's folder>");
        });
        return command;
    }

    /// <summary>The import's tallies, what was not imported and why, and the totals.</summary>
    internal static async Task WriteResultAsync(TextWriter output, Ssda903ImportResult result)
    {
        var rows = new List<string[]> { new[] { "record", result.DryRun ? "would create" : "created", result.DryRun ? "would change" : "changed", "unchanged" } };
        rows.AddRange(result.Tallies.Select(t => new[]
        {
            Describe(t.Key),
            t.Value.Created.ToString(CultureInfo.InvariantCulture),
            t.Value.Changed.ToString(CultureInfo.InvariantCulture),
            t.Value.Unchanged.ToString(CultureInfo.InvariantCulture),
        }));
        await CommandSupport.WriteTableAsync(output, rows);
        if (result.NotImported.Count > 0)
        {
            await output.WriteLineAsync();
            await output.WriteLineAsync("Not imported (no record in Safeguard for them yet)");
            await CommandSupport.WriteTableAsync(output, [["table", "rows", "why"], .. result.NotImported.Select(n => new[] { n.Table, n.Rows.ToString(CultureInfo.InvariantCulture), n.Why })]);
        }

        foreach (var note in result.Notes)
        {
            await output.WriteLineAsync($"Note: {note}");
        }

        var notImported = result.NotImported.Sum(n => n.Rows);
        var rest = notImported > 0 ? $"; {notImported:N0} {(notImported == 1 ? "row" : "rows")} of tables Safeguard does not keep yet not imported (listed above)" : "";
        await output.WriteLineAsync(result.DryRun
            ? $"Dry run of the {result.Collection.Name} return ({result.Children:N0} children, {result.Rows:N0} rows): {result.Created:N0} would be created, {result.Changed:N0} changed, {result.Unchanged:N0} unchanged{rest}. Nothing was written."
            : $"Imported the {result.Collection.Name} return ({result.Children:N0} children, {result.Rows:N0} rows): {result.Created:N0} created, {result.Changed:N0} changed, {result.Unchanged:N0} unchanged{rest}.");
    }

    private static Option<string> CollectionOption() => new("--collection")
    {
        Description = "The collection year, for example 2024-25",
        DefaultValueFactory = _ => Rules2024To25.CollectionName,
    };

    private static string Describe(Ssda903RecordKind kind) => kind switch
    {
        Ssda903RecordKind.Child => "children",
        Ssda903RecordKind.Episode => "episodes of care",
        Ssda903RecordKind.Review => "looked-after reviews",
        Ssda903RecordKind.AdoptionDecision => "adoption decisions",
        Ssda903RecordKind.MissingPeriod => "missing periods",
        Ssda903RecordKind.CareLeaverBirthday => "care leavers' birthday records",
        Ssda903RecordKind.Wellbeing => "health and wellbeing records",
        Ssda903RecordKind.UascStatus => "asylum-seeking statuses (UASC)",
        Ssda903RecordKind.PreviousPermanence => "previous permanence",
        Ssda903RecordKind.SocialWorkerEpisode => "social worker episodes (allocations)",
        _ => kind.ToString(),
    };
}
