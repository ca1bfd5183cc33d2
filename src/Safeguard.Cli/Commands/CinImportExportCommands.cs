using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Interchange.Cin;
using Safeguard.Journey;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard cin import</c> and <c>safeguard cin export</c>: the census into and out of the child's journey records.</summary>
public static class CinImportExportCommands
{
    /// <summary>The environment variable that gives <c>cin export</c> the council's census code when <c>--la</c> is not given.</summary>
    public const string LaCodeVariable = "SAFEGUARD_CIN_LA";

    public static Command Import(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var file = new Argument<FileInfo>("file") { Description = "The census XML file" };
        var collection = new Option<string?>("--collection")
        {
            Description = "The collection year, for example 2024-25 (default: from the file's reference date)",
        };
        var acceptQueries = new Option<bool>("--accept-queries") { Description = "Import a file whose only issues are queries (a file with an error is always refused)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be created, changed and left unchanged, and write nothing" };
        var command = new Command("import", "Load a census file into the child's journey records: validated first, then all or nothing; importing it again changes nothing")
        {
            file, collection, acceptQueries, dryRun,
        };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(file);
            var options = new CensusImportOptions
            {
                Collection = parseResult.GetValue(collection) is { } name ? CinCollection.Parse(name) : null,
                AcceptQueries = parseResult.GetValue(acceptQueries),
                DryRun = parseResult.GetValue(dryRun),
            };
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<CensusImportService>().ImportAsync(path.FullName, options, CommandSupport.CliActor(), cancellationToken);

            var rows = new List<string[]> { new[] { "record", result.DryRun ? "would create" : "created", result.DryRun ? "would change" : "changed", "unchanged" } };
            rows.AddRange(result.Tallies.Select(t => new[]
            {
                Describe(t.Key),
                t.Value.Created.ToString(CultureInfo.InvariantCulture),
                t.Value.Changed.ToString(CultureInfo.InvariantCulture),
                t.Value.Unchanged.ToString(CultureInfo.InvariantCulture),
            }));
            await CommandSupport.WriteTableAsync(output, rows);
            foreach (var note in result.Notes)
            {
                await output.WriteLineAsync($"Note: {note}");
            }

            var queries = result.Queries > 0 ? $" ({result.Queries:N0} queries accepted)" : "";
            await output.WriteLineAsync(result.DryRun
                ? $"Dry run of {result.FileName} ({result.Collection.Name}, {result.Children:N0} children){queries}: {result.Created:N0} would be created, {result.Changed:N0} changed, {result.Unchanged:N0} unchanged. Nothing was written."
                : $"Imported {result.FileName} ({result.Collection.Name}, {result.Children:N0} children){queries}: {result.Created:N0} created, {result.Changed:N0} changed, {result.Unchanged:N0} unchanged.");
        });
        return command;
    }

    public static Command Export(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var collection = new Option<string>("--collection") { Description = "The collection year, for example 2024-25", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "The census file to write", Required = true };
        var la = new Option<string?>("--la")
        {
            Description = $"The council's three-digit census code (LEA), for example 201 (default: the {LaCodeVariable} environment variable)",
        };
        var command = new Command("export", "Write the census of a collection year from the child's journey records: every child with an episode open in the year")
        {
            collection, output, la,
        };
        command.SetOutputAction(async (parseResult, writer, cancellationToken) =>
        {
            var year = CinCollection.Parse(parseResult.GetRequiredValue(collection));
            var target = parseResult.GetRequiredValue(output);
            var code = parseResult.GetValue(la) ?? Environment.GetEnvironmentVariable(LaCodeVariable);
            if (string.IsNullOrWhiteSpace(code))
            {
                throw new ArgumentException($"Give the council's census code with --la (three digits, for example --la 201) or the {LaCodeVariable} environment variable.");
            }

            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var partial = target.FullName + ".partial";
            CensusExportResult result;
            try
            {
                await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    result = await scope.ServiceProvider.GetRequiredService<CensusExportService>().ExportAsync(stream, year, code, CommandSupport.CliActor(), cancellationToken);
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

            await writer.WriteLineAsync($"Wrote the {result.Collection.Name} census of {result.Children:N0} children and {result.Episodes:N0} episodes to {target.FullName}.");
            if (result.WithoutCouncilChildId > 0)
            {
                await writer.WriteLineAsync($"Left out {result.WithoutCouncilChildId:N0} children with an episode in the year but no council child id (the census's LAchildID): add one to their records.");
            }

            await writer.WriteLineAsync($"Check it before sending: safeguard cin validate {target.Name}");
        });
        return command;
    }

    private static string Describe(CensusRecordKind kind) => kind switch
    {
        CensusRecordKind.Child => "children",
        CensusRecordKind.Episode => "episodes",
        CensusRecordKind.Assessment => "assessments",
        CensusRecordKind.CinPlan => "child in need plans",
        CensusRecordKind.StrategyDiscussion => "strategy discussions",
        CensusRecordKind.Section47Enquiry => "section 47 enquiries",
        CensusRecordKind.InitialConference => "initial conferences",
        CensusRecordKind.ProtectionPlan => "child protection plans",
        CensusRecordKind.ReviewConference => "review conferences",
        _ => kind.ToString(),
    };
}
