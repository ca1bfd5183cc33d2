using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Common;
using Safeguard.ImprovementPlan;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard improvement-plan ...</c>: the partnership's improvement plan and its progress report.</summary>
public static class ImprovementPlanCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("improvement-plan", "The partnership's improvement plan: its progress report") { Report(services) };
    }

    /// <summary>Writes the progress report for a period as DOCX or PDF.</summary>
    private static Command Report(CliServices services)
    {
        var period = new Option<string>("--period") { Description = "The reporting period: 2026-Q3 (2026-27 Q3) for a quarterly plan, 2026-11 for a monthly one", Required = true };
        var format = new Option<string>("--format") { Description = "docx or pdf", DefaultValueFactory = _ => "docx" };
        format.AcceptOnlyFromAmong("docx", "pdf");
        var output = new Option<FileInfo>("--output", "-o") { Description = "The file to write", Required = true };
        var plan = new Option<Guid?>("--plan") { Description = "The plan's id (the newest plan when left out)" };
        var command = new Command("report", "Writes the plan's progress report for a period: rating key, overview of outcomes, key achievements and challenges, each workstream") { period, format, output, plan };
        command.SetOutputAction(async (parseResult, writer, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var plans = scope.ServiceProvider.GetRequiredService<PlanService>();
            var planId = parseResult.GetValue(plan) ?? (await plans.LatestAsync(cancellationToken))?.Id
                ?? throw new SafeguardValidationException("--plan", "There is no improvement plan in this database");
            var report = await scope.ServiceProvider.GetRequiredService<ProgressReportBuilder>().BuildAsync(planId, parseResult.GetValue(period), cancellationToken);
            var pdf = string.Equals(parseResult.GetValue(format), "pdf", StringComparison.OrdinalIgnoreCase);
            var file = parseResult.GetValue(output)!;
            await File.WriteAllBytesAsync(file.FullName, pdf ? ProgressReportPdf.Write(report) : ProgressReportDocument.Write(report), cancellationToken);
            await writer.WriteLineAsync($"Wrote the progress report of {report.PlanTitle} for {report.Period.Name} ({report.Outcomes.Count} outcomes) to {file.FullName}");
        });
        return command;
    }
}
