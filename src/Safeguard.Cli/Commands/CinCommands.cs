using System.CommandLine;
using System.Globalization;
using System.Text;
using Safeguard.Cli.Interchange;
using Safeguard.Interchange.Cin;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard cin ...</c>: the children in need census (DfE).</summary>
public static class CinCommands
{
    /// <summary>The exit code when the file was validated and <c>--fail-on</c> matched what was found.</summary>
    public const int FailOnMatched = 2;

    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("cin", "The children in need census (DfE): validate a return")
        {
            Validate(services),
            CinImportExportCommands.Import(services),
            CinImportExportCommands.Export(services),
        };
    }

    private static Command Validate(CliServices services)
    {
        var file = new Argument<FileInfo>("file") { Description = "The census XML file" };
        var collection = new Option<string?>("--collection")
        {
            Description = "The collection year, for example 2024-25 (default: from the file's reference date)",
        };
        var format = new Option<string>("--format")
        {
            Description = "table (default), json, csv or xlsx (xlsx needs -o)",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv", "xlsx");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the issues to this file instead of the output" };
        var failOn = new Option<string?>("--fail-on")
        {
            Description = "Exit with status 2 when an error (error) or any issue (query) was found",
        };
        failOn.AcceptOnlyFromAmong("error", "query");

        var command = new Command("validate", "Check a census file against the DfE rules of its collection year, reporting every issue with rule, child and line")
        {
            file, collection, format, output, failOn,
        };
        command.SetOutputAction(async (parseResult, writer, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            var path = parseResult.GetRequiredValue(file);
            var formatName = parseResult.GetValue(format) ?? "table";
            var target = parseResult.GetValue(output);
            if (!path.Exists)
            {
                throw new ArgumentException($"{path.FullName}: no such file.");
            }

            if (formatName == "xlsx" && target is null)
            {
                throw new ArgumentException("--format xlsx writes a workbook: give the file to write with -o, for example -o issues.xlsx.");
            }

            var options = new CinReaderOptions { Collection = parseResult.GetValue(collection) is { } name ? CinCollection.Parse(name) : null };
            var calendar = await services.Calendar(parseResult, cancellationToken);

            // Issues are written as they are found, never held (see CommandOutput.WriteReportAsync): the table's and
            // CSV's last line, or the JSON's closing bracket, says the report is complete.
            CinValidationSummary summary;
            try
            {
                summary = await CommandOutput.WriteReportAsync(target, parseResult.InvocationConfiguration.Output, async stream =>
                {
                    using var textWriter = formatName is "csv" or "table" ? new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" } : null;
                    using ICinIssueWriter issueWriter = formatName switch
                    {
                        "json" => new CinJsonIssueWriter(stream),
                        "csv" => new CinCsvIssueWriter(textWriter!),
                        "xlsx" => new CinXlsxIssueWriter(stream),
                        _ => new TableIssueWriter(textWriter!),
                    };
                    await using var input = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                    using var progress = ProgressBar.ForTerminal(error, input.Length);
                    var summary = new CinValidator(calendar).Validate(input, path.Name, options, issueWriter.Write, progress is null ? null : progress.Report, cancellationToken);
                    issueWriter.Complete(summary);
                    if (target is null && formatName == "csv")
                    {
                        // A last row of the same six columns, so the output still reads as CSV.
                        textWriter!.Write($"#complete,,\"{Totals(summary)}\",,,\n");
                    }

                    textWriter?.Flush();
                    return summary;
                });
            }
            catch (CinUnreadableException ex)
            {
                throw new ArgumentException(ex.Message, ex);
            }

            if (target is not null)
            {
                await writer.WriteLineAsync($"{Totals(summary)}; written to {target.FullName}.");
            }

            var failWhen = parseResult.GetValue(failOn);
            var failed = (failWhen == "error" && summary.Errors > 0) || (failWhen == "query" && summary.Errors + summary.Queries > 0);
            return failed ? FailOnMatched : CommandRunner.Success;
        });
        return command;
    }

    private static string Totals(CinValidationSummary summary) =>
        $"{summary.Children:N0} children checked against the {summary.Collection.Name} rules: {summary.Errors:N0} errors, {summary.Queries:N0} queries";

    /// <summary>The issues as a table, then a summary by rule and the totals.</summary>
    private sealed class TableIssueWriter(TextWriter writer) : ICinIssueWriter
    {
        private static readonly string[] SummaryHeader = ["rule", "severity", "issues", "message"];
        private readonly List<string[]> _page = [];
        private readonly Dictionary<string, (string Severity, string Message, long Count)> _byRule = new(StringComparer.Ordinal);

        public void Write(CinIssue issue)
        {
            _page.Add([issue.Line?.ToString(CultureInfo.InvariantCulture) ?? "-", issue.ChildId ?? "-", issue.Rule, issue.SeverityText, string.Join(",", issue.Fields), issue.Message]);
            var known = _byRule.GetValueOrDefault(issue.Rule, (issue.SeverityText, issue.Rule == CinIssue.StructureRule ? CinIssue.StructureSummary : issue.Message, 0));
            _byRule[issue.Rule] = (known.Severity, known.Message, known.Count + 1);
            if (_page.Count >= 1000)
            {
                Flush();
            }
        }

        public void Complete(CinValidationSummary summary)
        {
            Flush();
            writer.WriteLine();
            writer.WriteLine("Summary by rule");
            var rows = new List<string[]> { SummaryHeader };
            rows.AddRange(_byRule.OrderByDescending(r => r.Value.Count).ThenBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new[] { r.Key, r.Value.Severity, r.Value.Count.ToString(CultureInfo.InvariantCulture), r.Value.Message }));
            CommandSupport.WriteTableAsync(writer, rows).GetAwaiter().GetResult();
            writer.WriteLine();
            writer.WriteLine($"{Totals(summary)}. The report is complete.");
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

            _page.Insert(0, ["line", "child", "rule", "severity", "fields", "message"]);
            CommandSupport.WriteTableAsync(writer, _page).GetAwaiter().GetResult();
            _page.Clear();
        }
    }

    /// <summary>A progress bar on standard error, drawn only when it is a terminal.</summary>
    private sealed class ProgressBar(TextWriter error, long total) : IDisposable
    {
        private int _lastPercent = -1;

        public static ProgressBar? ForTerminal(TextWriter error, long total) =>
            ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && total > 0 ? new ProgressBar(error, total) : null;

        public void Report(long position)
        {
            var percent = (int)(position * 100 / total);
            if (percent == _lastPercent)
            {
                return;
            }

            _lastPercent = percent;
            var filled = percent / 5;
            error.Write($"\r[{new string('#', filled)}{new string('.', 20 - filled)}] {percent,3}%");
        }

        public void Dispose()
        {
            if (_lastPercent >= 0)
            {
                error.Write("\r" + new string(' ', 30) + "\r");
            }
        }
    }
}
