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
        var command = new Command("annual", "Write the partnership's annual report for a year: the published edition once published, before that every section from the records with the business unit's narratives") { year, format, area, output };
        command.SetOutputAction(async (parseResult, writer, cancellationToken) =>
        {
            var reportingYear = new ReportingYear(parseResult.GetRequiredValue(year));
            var kind = parseResult.GetRequiredValue(format);
            var file = parseResult.GetValue(output)?.FullName ?? Path.GetFullPath($"annual-report-{reportingYear.Name}.{kind}");
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<AnnualReportService>();
            var report = await service.FileAsync(reportingYear, kind == "pdf" ? ReportFormat.Pdf : ReportFormat.Docx, parseResult.GetRequiredValue(area), CommandSupport.CliActor(), cancellationToken);
            await File.WriteAllBytesAsync(file, report.Content, cancellationToken);
            if (report.IsPublished)
            {
                await writer.WriteLineAsync($"The {reportingYear.Name} report was published on {report.PublishedAt!.Value.UtcDateTime:yyyy-MM-dd HH:mm} UTC by {report.PublishedBy}: this is the published edition, unchanged since (SHA-256 {report.Sha256}).");
            }
            else
            {
                var status = await service.StatusAsync(reportingYear, CommandSupport.CliActor(), cancellationToken);
                await CommandSupport.WriteTableAsync(writer, [["section", "from the records"], .. status.Select(s => new[] { s.Title, s.HasRecords ? "yes" : "no records yet" })]);
            }

            await writer.WriteLineAsync($"Wrote {file} ({report.Content.Length} bytes)");
        });
        return command;
    }
}
