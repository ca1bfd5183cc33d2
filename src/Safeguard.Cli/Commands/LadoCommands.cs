using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Lado;
using Safeguard.Timescales;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard lado ...</c>: allegations about people who work with children, and the LADO's annual figures.</summary>
public static class LadoCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("lado", "Allegations referred to the LADO and the annual figures") { List(services), Figures(services) };
    }

    /// <summary>Open allegations, overdue first, one line each with the clock that matters now. Audited as a search by the CLI.</summary>
    private static Command List(CliServices services)
    {
        var command = new Command("list", "Open allegations, overdue first: person, sector, referred, decision, what is due and when");
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var list = await scope.ServiceProvider.GetRequiredService<LadoService>().ListAsync(new AllegationFilter(), CommandSupport.CliActor(), cancellationToken);
            List<string[]> rows = [["Person", "Sector", "Referred", "Decision", "Due", "Allegation"]];
            rows.AddRange(list.Select(v => new[]
            {
                v.Allegation.WorkerName,
                LadoText.Describe(v.Allegation.Sector),
                CommandSupport.FormatDate(v.Allegation.ReferredOn),
                v.Allegation.Decision is { } d ? LadoText.Describe(d) : "not decided",
                v.Current is { } c
                    ? $"{v.Due!.ToLowerInvariant()} {(c.Status == DeadlineStatus.Overdue ? "overdue, was due" : "due")} {CommandSupport.FormatDate(c.Deadline.DueDate)}"
                    : "-",
                v.Allegation.Id.ToString(),
            }));
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }

    /// <summary>The annual figures: referrals, threshold met and advice only, by sector, category and outcome.</summary>
    private static Command Figures(CliServices services)
    {
        var year = CommandSupport.ReportingYearOption(2024);
        var command = new Command("figures", "The LADO's annual figures for the annual report: by sector, category, decision and outcome") { year };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var f = await scope.ServiceProvider.GetRequiredService<LadoService>().FiguresAsync(parseResult.GetRequiredValue(year), CommandSupport.CliActor(), cancellationToken);
            string Rate(decimal? rate) => rate is { } r ? r.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "-";
            List<string[]> rows = [["Figure", "Group", "Count"]];
            rows.Add(["Referrals", f.Year, Count(f.Referrals)]);
            rows.Add(["Referrals last year", "", Count(f.ReferralsLastYear)]);
            rows.Add(["Threshold met", Rate(f.ThresholdRate), Count(f.ThresholdMet)]);
            rows.Add(["Threshold met last year", Rate(f.ThresholdRateLastYear), Count(f.ThresholdMetLastYear)]);
            rows.Add(["Advice only", "", Count(f.AdviceOnly)]);
            rows.Add(["Awaiting a decision", "", Count(f.AwaitingDecision)]);
            rows.Add(["Initial consideration in 1 working day", $"of {f.InitialConsiderations}", Count(f.InitialConsiderationsOnTime)]);
            rows.AddRange(f.BySector.Select(l => new[] { "By sector", l.Label, Count(l.Count) }));
            rows.AddRange(f.ThresholdMetBySector.Select(l => new[] { "Threshold met by sector", l.Label, Count(l.Count) }));
            rows.AddRange(f.ByCategory.Select(l => new[] { "By category", l.Label, Count(l.Count) }));
            rows.AddRange(f.ByOutcome.Select(l => new[] { "Closed by outcome", l.Label, Count(l.Count) }));
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
