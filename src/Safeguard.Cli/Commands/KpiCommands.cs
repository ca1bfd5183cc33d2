using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Calendar;
using Safeguard.Common;
using Safeguard.Dataset;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard kpi ...</c>: the partnership dataset.</summary>
public static class KpiCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("kpi", "The partnership dataset of key performance indicators") { Dataset(services), Exceptions(services) };
    }

    private static Command Dataset(CliServices services)
    {
        var year = CommandSupport.ReportingYearOption(2024);
        var asAt = AsAtOption();
        var format = new Option<string>("--format") { Description = "csv (default), json or xlsx (xlsx needs -o)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json", "xlsx");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write the dataset to this file instead of the output" };
        var command = new Command("dataset", "Compute the partnership dataset for a reporting year: Q1-Q4, the year, last year and the difference, with every gap and its reason")
        {
            year, asAt, format, output,
        };
        command.SetOutputAction(async (parseResult, writer, cancellationToken) =>
        {
            var formatName = parseResult.GetValue(format) ?? "csv";
            var target = parseResult.GetValue(output);
            if (formatName == "xlsx" && target is null)
            {
                throw new ArgumentException("--format xlsx writes a workbook: give the file to write with -o, for example -o dataset.xlsx.");
            }

            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<DatasetCalculator>()
                .ComputeAsync(new ReportingYear(parseResult.GetRequiredValue(year)), parseResult.GetValue(asAt), cancellationToken);
            var kind = Enum.Parse<DatasetFormat>(formatName, ignoreCase: true);
            if (target is null)
            {
                using var buffer = new MemoryStream();
                await DatasetExport.WriteAsync(result, kind, buffer, cancellationToken);
                await writer.WriteAsync(new System.Text.UTF8Encoding(false).GetString(buffer.ToArray()).TrimStart('\uFEFF'));
                return;
            }

            var partial = target.FullName + ".partial";
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
            {
                await DatasetExport.WriteAsync(result, kind, file, cancellationToken);
            }

            File.Move(partial, target.FullName, overwrite: true);
            var gaps = result.Rows.Sum(r => r.Gaps.Count);
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Wrote the {result.Year.Name} dataset as at {CommandSupport.FormatUkInstant(result.AsAt)}: {result.Rows.Count} indicators, {gaps} gap(s), to {target.FullName}"));
        });
        return command;
    }

    private static Command Exceptions(CliServices services)
    {
        var year = CommandSupport.ReportingYearOption(2024);
        var asAt = AsAtOption();
        var format = new Option<string>("--format") { Description = "table (default), csv or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json");
        var command = new Command("exceptions", "List the indicators whose latest figures moved by more than their tolerance against the previous quarter, the same quarter last year, the previous year or a benchmark, and the gaps that stopped a comparison")
        {
            year, asAt, format,
        };
        command.SetOutputAction(async (parseResult, writer, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var result = await scope.ServiceProvider.GetRequiredService<ExceptionReportService>()
                .BuildAsync(new ReportingYear(parseResult.GetRequiredValue(year)), parseResult.GetValue(asAt), cancellationToken);
            var formatName = parseResult.GetValue(format) ?? "table";
            if (formatName == "table")
            {
                await writer.WriteAsync(Table(result));
                return;
            }

            using var buffer = new MemoryStream();
            await ExceptionReportService.WriteAsync(result, Enum.Parse<ExceptionReportFormat>(formatName, ignoreCase: true), buffer, cancellationToken);
            await writer.WriteAsync(new System.Text.UTF8Encoding(false).GetString(buffer.ToArray()).TrimStart('\uFEFF'));
        });
        return command;
    }

    private static string Table(ExceptionReportResult result)
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"Exception report {result.Year.Name} as at {CommandSupport.FormatUkInstant(result.AsAt)}; latest quarter {result.LatestQuarter?.Name ?? "none ended"}: {result.Exceptions.Count} exception(s), {result.Gaps.Count} gap(s)"));
        if (result.Exceptions.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{"Indicator",-10} {"Period",-12} {"Compared with",-36} {"Figure",10} {"Baseline",10} {"Change",10} {"Change %",9} {"Direction",-10}"));
            foreach (var e in result.Exceptions)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Indicator.Code,-10} {e.Period,-12} {e.ComparedWith,-36} {DatasetExport.Show(e.Value),10} {DatasetExport.Show(e.Baseline),10} {DatasetExport.Show(e.Change),10} {(e.ChangePercent is { } p ? DatasetExport.Show(p) + "%" : "from 0"),9} {ExceptionReport.Describe(e.Direction),-10}"));
            }
        }

        if (result.Gaps.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Gaps (never compared as zero):");
            foreach (var g in result.Gaps)
            {
                text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"{g.Indicator.Code,-10} {g.Period,-12} {g.Reason}{(g.Agency is null ? "" : $" ({g.Agency})")}"));
            }
        }

        return text.ToString();
    }

    private static Option<DateTimeOffset?> AsAtOption()
    {
        var asAt = new Option<DateTimeOffset?>("--as-at")
        {
            Description = "Compute with what was known then: a date (the end of that UK day) or a date and time (2025-05-01T09:00, UK time)",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (CommandSupport.TryParseDate(text, out var date, out _))
                {
                    return UkTime.EndOfDay(date);
                }

                if (CommandSupport.TryParseInstant(text, out var instant, out var problem))
                {
                    return instant;
                }

                result.AddError($"Option --as-at: '{text}' {problem}.");
                return null;
            },
        };
        return asAt;
    }
}
