using System.CommandLine;
using System.Globalization;
using System.Text;
using Safeguard.Interchange;
using Safeguard.Interchange.Cin;
using Safeguard.Interchange.Ssda903;
using Safeguard.Interchange.Ssda903.Rules;

namespace Safeguard.Cli.Interchange;

/// <summary>
/// <c>ssda903 validate</c>: checks a children looked after return's CSV tables against the DfE rules, with no database.
/// One definition for <c>safeguard ssda903 validate</c> and the native <c>safeguard-validate ssda903 validate</c> (ADR 0096).
/// </summary>
public static class Ssda903ValidateCommand
{
    /// <summary>The exit code when the return was validated and has errors.</summary>
    public const int ErrorsFound = 2;

    /// <summary>The <c>validate</c> command.</summary>
    /// <param name="workbookWriter">
    /// Writes the issues as an Excel workbook onto a stream (<c>--format xlsx</c>); without it (the native executable,
    /// where the OpenXML library is not compiled) that format is refused with a message naming the command that writes it.
    /// </param>
    public static Command Create(Func<Stream, IIssueWriter>? workbookWriter)
    {
        var paths = new Argument<string[]>("files")
        {
            Description = "The return's CSV tables: a folder of them, or the files (each table is recognised by its header row)",
            Arity = ArgumentArity.OneOrMore,
        };
        var lastYear = new Option<string[]>("--last-year")
        {
            Description = "Last year's tables (a folder or files: header, episodes, UASC, placed for adoption, missing, social worker episodes), for the rules that compare with last year",
            AllowMultipleArgumentsPerToken = true,
        };
        var collection = new Option<string>("--collection")
        {
            Description = "The collection year, for example 2024-25",
            DefaultValueFactory = _ => Rules2024To25.CollectionName,
        };
        var postcodes = new Option<FileInfo?>("--postcodes")
        {
            Description = "A postcode lookup (an extract of ONS's NSPL: pcd or pcds, laua, oseast1m and osnrth1m or lat and long), for the distance and placement authority rules",
        };
        var providers = new Option<FileInfo?>("--providers")
        {
            Description = "Ofsted's provider register as CSV (URN, and any of PLACE_CODES, PROVIDER_CODES, POSTCODE, LA_CODE, REG_DATE, REG_END), for the URN rules",
        };
        var la = new Option<string?>("--la") { Description = "The returning local authority's DfE code (for example 351) or ONS code, for placements in or out of it" };
        var format = new Option<string>("--format")
        {
            Description = workbookWriter is null
                ? "table (default), json or csv (for xlsx, use safeguard ssda903 validate)"
                : "table (default), json, csv or xlsx (xlsx needs -o)",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv", "xlsx");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the issues to this file instead of the output" };

        var command = new Command("validate", "Check a return's tables against the DfE rules of the collection year, reporting every issue with rule, table, line, child and fields; exits with 2 when there are errors")
        {
            paths, lastYear, collection, postcodes, providers, la, format, output,
        };
        command.SetOutputAction(async (parseResult, writer, cancellationToken) =>
        {
            var formatName = parseResult.GetValue(format) ?? "table";
            var target = parseResult.GetValue(output);
            if (formatName == "xlsx" && workbookWriter is null)
            {
                throw new ArgumentException(
                    "This native validator does not write workbooks (the OpenXML library is not compiled natively): for an Excel workbook, run safeguard ssda903 validate with the same arguments and --format xlsx -o issues.xlsx.");
            }

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

            var reference = ReadReference(parseResult.GetValue(postcodes), parseResult.GetValue(providers), parseResult.GetValue(la));
            Ssda903ValidationSummary summary;
            try
            {
                summary = await CommandOutput.WriteReportAsync(target, parseResult.InvocationConfiguration.Output, stream =>
                {
                    using var textWriter = formatName is "csv" or "table" ? new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" } : null;
                    using IIssueWriter issueWriter = formatName switch
                    {
                        "json" => new JsonIssueWriter(stream, withTable: true),
                        "csv" => new CsvIssueWriter(textWriter!, withTable: true),
                        "xlsx" => workbookWriter!(stream),
                        _ => new TableIssueWriter(textWriter!),
                    };
                    var summary = Ssda903Validator.Validate(files, year, reference, issueWriter.Write, cancellationToken);
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
                    return Task.FromResult(summary);
                });
            }
            catch (Ssda903UnreadableException ex)
            {
                throw new ArgumentException(ex.Message, ex);
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
        CommandOutput.WriteTableAsync(writer, [["table", "file"], .. summary.Files.OrderBy(f => f.Key).Select(f => new[] { Ssda903Schema.Table(f.Key).Name, f.Value })])
            .GetAwaiter().GetResult();
        writer.WriteLine();
        var notRun = summary.NotImplemented.Where(r => !summary.NotCheckedReasons.ContainsKey(r.Code)).Select(r => r.Code).ToList();
        if (notRun.Count > 0)
        {
            writer.WriteLine($"Rules not yet checked ({notRun.Count}): {string.Join(", ", notRun)}");
        }

        foreach (var group in summary.NotImplemented.Where(r => summary.NotCheckedReasons.ContainsKey(r.Code)).GroupBy(r => summary.NotCheckedReasons[r.Code]))
        {
            writer.WriteLine($"Rules not checked, {group.Key} ({group.Count()}): {string.Join(", ", group.Select(r => r.Code))}");
        }
        writer.WriteLine();
        writer.WriteLine($"{Totals(summary)}. The report is complete.");
    }

    /// <summary>The reference data files given (each optional); the rules that need what is not given are reported as not checked.</summary>
    private static Ssda903ReferenceData ReadReference(FileInfo? postcodes, FileInfo? providers, string? la)
    {
        try
        {
            return new Ssda903ReferenceData
            {
                Postcodes = postcodes is null ? null : ReadFile(postcodes, Ssda903ReferenceData.ReadPostcodes),
                Providers = providers is null ? null : ReadFile(providers, Ssda903ReferenceData.ReadProviders),
                LocalAuthority = la is null ? null : Ssda903ReferenceData.ResolveLocalAuthority(la),
            };
        }
        catch (Exception ex) when (ex is Ssda903UnreadableException or IOException)
        {
            throw new ArgumentException(ex.Message, ex);
        }
    }

    private static T ReadFile<T>(FileInfo file, Func<string, TextReader, T> read)
    {
        using var reader = File.OpenText(file.FullName);
        return read(file.Name, reader);
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
            CommandOutput.WriteTableAsync(writer, rows).GetAwaiter().GetResult();
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
            CommandOutput.WriteTableAsync(writer, _page).GetAwaiter().GetResult();
            _page.Clear();
        }
    }
}
