using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Common;
using Safeguard.Escalations;
using Safeguard.Timescales;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard escalations ...</c>: professional disagreements between agencies, and their figures by year.</summary>
public static class EscalationCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("escalations", "Professional disagreements between agencies (escalations) and their figures") { List(services), Figures(services) };
    }

    /// <summary>Open escalations, overdue first. Audited as a search by the CLI.</summary>
    private static Command List(CliServices services)
    {
        var overdue = new Option<bool>("--overdue") { Description = "Only those whose current stage is overdue" };
        var command = new Command("list", "Open escalations, overdue first: raised by, raised with, theme, stage, due") { overdue };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var list = await scope.ServiceProvider.GetRequiredService<EscalationService>().ListPageAsync(
                new EscalationFilter { OverdueOnly = parseResult.GetValue(overdue) }, CommandSupport.CliActor(), 1, pageSize: null, cancellationToken);
            List<string[]> rows = [["Raised", "By", "With", "About", "Stage", "Due", "Escalation"]];
            rows.AddRange(list.Items.Select(v => new[]
            {
                CommandSupport.FormatDate(v.Escalation.RaisedOn),
                v.RaisedByAgency,
                v.RaisedWithAgency,
                EscalationText.Describe(v.Escalation.Theme),
                v.Escalation.Stage.ToString(CultureInfo.InvariantCulture),
                (v.Current?.Status == DeadlineStatus.Overdue ? "overdue, was due " : "due ") + CommandSupport.FormatDate(v.Escalation.CurrentDueOn),
                v.Escalation.Id.ToString(),
            }));
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }

    /// <summary>The year's figures: by agency, theme and stage, outcomes and resolution within timescale.</summary>
    private static Command Figures(CliServices services)
    {
        var year = CommandSupport.ReportingYearOption(2026);
        var command = new Command("figures", "The escalation figures for the annual report: by agency, theme and stage, and resolution within timescale") { year };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var f = await scope.ServiceProvider.GetRequiredService<EscalationFiguresQuery>().ForYearAsync(new ReportingYear(parseResult.GetRequiredValue(year)), cancellationToken);
            static string Rate(decimal? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";
            List<string[]> rows = [["Figure", "Group", "Count"]];
            rows.Add(["Raised", f.Year, Count(f.Raised)]);
            rows.Add(["Raised last year", "", Count(f.RaisedLastYear)]);
            rows.Add(["Closed", "", Count(f.Closed)]);
            rows.Add(["Closed with every stage in time", Rate(f.WithinTimescaleRate), Count(f.ClosedWithinTimescale)]);
            rows.Add(["Resolved at stage 1 or 2", Rate(f.ResolvedByStage2Rate), Count(f.ResolvedByStage2)]);
            rows.Add(["Open now", "", Count(f.Open)]);
            rows.Add(["Open and overdue now", "", Count(f.OpenOverdue)]);
            rows.AddRange(f.ByRaisingAgency.Select(l => new[] { "Raised by", l.Label, Count(l.Count) }));
            rows.AddRange(f.ByAgencyRaisedWith.Select(l => new[] { "Raised with", l.Label, Count(l.Count) }));
            rows.AddRange(f.ByTheme.Select(l => new[] { "By theme", l.Label, Count(l.Count) }));
            rows.AddRange(f.ByHighestStage.Select(l => new[] { "Highest stage", l.Label, Count(l.Count) }));
            rows.AddRange(f.ByOutcome.Select(l => new[] { "Closed by outcome", l.Label, Count(l.Count) }));
            rows.AddRange(f.Stages.Select(s => new[] { "Stage ended in time", $"{s.Name} ({Rate(s.InTimeRate)} of {s.Ended})", Count(s.EndedInTime) }));
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
