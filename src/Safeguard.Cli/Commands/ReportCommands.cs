using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.AnnualReport;
using Safeguard.Common;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard report annual ...</c>: the partnership's statutory annual report as DOCX or PDF.</summary>
public static class ReportCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("report", "Reports assembled from the records") { Annual(services) };
    }

    private static Command Annual(CliServices services)
    {
        var year = new Option<int>("--year") { Description = "The reporting year by its starting year (2026 for 2026-27)", Required = true };
        var format = new Option<string>("--format") { Description = "docx or pdf", DefaultValueFactory = _ => "docx" };
        format.AcceptOnlyFromAmong("docx", "pdf");
        var area = new Option<string>("--area") { Description = "The local area's name in the title", DefaultValueFactory = _ => "Local" };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The file to write (default: annual-report-<year>.<format> in the current folder)" };
        var command = new Command("annual", "Write the partnership's annual report for a year: every section from the records with the business unit's narratives") { year, format, area, output };
        command.SetOutputAction(async (parseResult, writer, cancellationToken) =>
        {
            var reportingYear = new ReportingYear(parseResult.GetRequiredValue(year));
            var kind = parseResult.GetRequiredValue(format);
            var file = parseResult.GetValue(output)?.FullName ?? Path.GetFullPath($"annual-report-{reportingYear.Name}.{kind}");
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var report = await scope.ServiceProvider.GetRequiredService<AnnualReportService>()
                .AssembleAsync(reportingYear, parseResult.GetRequiredValue(area), CommandSupport.CliActor(), cancellationToken);
            var bytes = kind == "pdf" ? AnnualReportPdf.Write(report) : AnnualReportDocx.Write(report);
            await File.WriteAllBytesAsync(file, bytes, cancellationToken);
            await CommandSupport.WriteTableAsync(writer, [["section", "from the records"], .. report.Sections.Select(s => new[] { s.Content.Title, s.Content.HasRecords ? "yes" : "no records yet" })]);
            await writer.WriteLineAsync($"Wrote {file} ({bytes.Length} bytes)");
        });
        return command;
    }
}
