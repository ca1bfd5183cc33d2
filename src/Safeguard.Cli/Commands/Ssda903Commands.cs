using System.CommandLine;
using System.Globalization;
using System.Text;
using Safeguard.Interchange;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903;
using Safeguard.Interchange.Ssda903.Rules;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard ssda903 ...</c>: the children looked after return (DfE SSDA903).</summary>
public static class Ssda903Commands
{
    /// <summary>The exit code when the return was validated and has errors.</summary>
    public const int ErrorsFound = 2;

    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("ssda903", "The children looked after return (DfE SSDA903): validate, import and export its CSV tables")
        {
            Validate(),
            Ssda903ImportExportCommands.Import(services),
            Ssda903ImportExportCommands.Export(services),
        };
    }

    private static Command Validate()
    {
        var paths = new Argument<string[]>("files")
        {
            Description = "The return's CSV tables: a folder of them, or the files (each table is recognised by its header row)",
            Arity = ArgumentArity.OneOrMore,
        };
        var lastYear = new Option<string[]>("--last-year")
        {
            Description = "Last year's header and episodes tables (a folder or files), for the rules that compare with last year",
            AllowMultipleArgumentsPerToken = true,
        };
        var collection = new Option<string>("--collection")
        {
            Description = "The collection year, for example 2024-25",
            DefaultValueFactory = _ => Rules2024To25.CollectionName,
        };
        var format = new Option<string>("--format")
        {
            Description = "table (default), json, csv or xlsx (xlsx needs -o)",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv", "xlsx");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the issues to this file instead of the output" };

        var command = new Command("validate", "Check a return's tables against the DfE rules of the collection year, reporting every issue with rule, table, line, child and fields; exits with 2 when there are errors")
        {
            paths, lastYear, collection, format, output,
        };
        command.SetOutputAction(async (parseResult, writer, cancellationToken) =>
        {
            var formatName = parseResult.GetValue(format) ?? "table";
            var target = parseResult.GetValue(output);
            if (formatName == "xlsx" && target is null)
            {
                throw new ArgumentException("--format xlsx writes a workbook: give the file to write with -o, for example -o issues.xlsx.");
            }

            var year = CinCollection.Parse(parseResult.GetValue(collection) ?? Rules2024To25.CollectionName);
            _ = Ssda903RuleSet.For(year.Name);
            List<Ssda903File> files;
            try
            {
                files = [.. Ssda903File.FromPaths(parseResult.GetRequiredValue(paths)), .. Ssda903File.FromPaths(parseResult.GetValue(lastYear) ?? [], lastYear: true)];
            }
            catch (Ssda903UnreadableException ex)
            {
                throw new ArgumentException(ex.Message, ex);
            }

            var tempPath = target is null ? null : Path.Combine(target.DirectoryName ?? ".", $".{target.Name}.{Environment.ProcessId}.partial");
            Ssda903ValidationSummary summary;
            try
            {
                await using (var stream = target is null ? CinCommands.StandardOutput(parseResult.InvocationConfiguration.Output) : new FileStream(tempPath!, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    using var textWriter = formatName is "csv" or "table" ? new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" } : null;
                    using IIssueWriter issueWriter = formatName switch
                    {
                        "json" => new JsonIssueWriter(stream, withTable: true),
                        "csv" => new CsvIssueWriter(textWriter!, withTable: true),
                        "xlsx" => new XlsxIssueWriter(stream, withTable: true),
                        _ => new TableIssueWriter(textWriter!),
                    };
                    summary = Ssda903Validator.Validate(files, year, issueWriter.Write, cancellationToken);
                    issueWriter.Complete(summary.Totals);
                    if (formatName == "table")
                    {
                        WriteSummary(textWriter!, summary);
                    }
                    else if (target is null && formatName == "csv")
                    {
                        textWriter!.Write($"#complete,,\"{Totals(summary)}\",,,,\n");
                    }

                    textWriter?.Flush();
                }

                if (tempPath is not null)
                {
                    File.Move(tempPath, target!.FullName, overwrite: true);
                }
            }
            catch (Ssda903UnreadableException ex)
            {
                Cleanup(tempPath);
                throw new ArgumentException(ex.Message, ex);
            }
            catch
            {
                Cleanup(tempPath);
                throw;
            }

            if (target is not null)
            {
                await writer.WriteLineAsync($"{Totals(summary)}; written to {target.FullName}.");
            }

            return summary.Errors > 0 ? ErrorsFound : CommandRunner.Success;
        });
        return command;
    }

    private static string Totals(Ssda903ValidationSummary summary) =>
        $"{summary.Children:N0} children ({summary.Rows:N0} rows in {summary.Files.Count} tables) checked against {summary.Implemented} of the {summary.Listed} " +
        $"{summary.Collection.Name} rules: {summary.Errors:N0} errors";

    private static void WriteSummary(TextWriter writer, Ssda903ValidationSummary summary)
    {
        writer.WriteLine();
        writer.WriteLine("Tables read");
        CommandSupport.WriteTableAsync(writer, [["table", "file"], .. summary.Files.OrderBy(f => f.Key).Select(f => new[] { Ssda903Schema.Table(f.Key).Name, f.Value })])
            .GetAwaiter().GetResult();
        writer.WriteLine();
        writer.WriteLine($"Rules not yet checked ({summary.NotImplemented.Count}): {string.Join(", ", summary.NotImplemented.Select(r => r.Code))}");
        writer.WriteLine();
        writer.WriteLine($"{Totals(summary)}. The report is complete.");
    }

    private static void Cleanup(string? tempPath)
    {
        if (tempPath is not null && File.Exists(tempPath))
        {
            File.Delete(tempPath);
        }
    }

    /// <summary>The issues as a table, page by page, then the count of each rule.</summary>
    private sealed class TableIssueWriter(TextWriter writer) : IIssueWriter
    {
        private static readonly string[] SummaryHeader = ["rule", "issues", "message"];
        private readonly List<string[]> _page = [];
        private readonly Dictionary<string, (string Message, long Count)> _byRule = new(StringComparer.Ordinal);

        public void Write(IInterchangeIssue issue)
        {
            _page.Add([issue.Table ?? "-", issue.Line?.ToString(CultureInfo.InvariantCulture) ?? "-", issue.ChildId ?? "-", issue.Rule, string.Join(",", issue.Fields), issue.Message]);
            var known = _byRule.GetValueOrDefault(issue.Rule, (issue.SummaryMessage, 0));
            _byRule[issue.Rule] = (known.Message, known.Count + 1);
            if (_page.Count >= 1000)
            {
                Flush();
            }
        }

        public void Complete(IssueReportTotals totals)
        {
            Flush();
            writer.WriteLine();
            writer.WriteLine("Issues by rule");
            var rows = new List<string[]> { SummaryHeader };
            rows.AddRange(_byRule.OrderByDescending(r => r.Value.Count).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new[] { r.Key, r.Value.Count.ToString(CultureInfo.InvariantCulture), r.Value.Message }));
            CommandSupport.WriteTableAsync(writer, rows).GetAwaiter().GetResult();
        }

        public void Dispose()
        {
        }

        private void Flush()
        {
            if (_page.Count == 0)
            {
                return;
            }

            _page.Insert(0, ["table", "line", "child", "rule", "fields", "message"]);
            CommandSupport.WriteTableAsync(writer, _page).GetAwaiter().GetResult();
            _page.Clear();
        }
    }
}
