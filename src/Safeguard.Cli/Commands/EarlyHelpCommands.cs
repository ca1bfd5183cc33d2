using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Common;
using Safeguard.EarlyHelp;
using Safeguard.Timescales;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard early-help ...</c>: families supported by early help and the early help figures.</summary>
public static class EarlyHelpCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("early-help", "Families supported by early help and the early help figures") { List(services), Figures(services) };
    }

    /// <summary>Open episodes, due reviews first: one line each. Audited as a search by the CLI.</summary>
    private static Command List(CliServices services)
    {
        var command = new Command("list", "Open early help episodes, reviews overdue first: family, children, started, lead professional and agency, assessment, next review");
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var items = await scope.ServiceProvider.GetRequiredService<EarlyHelpService>().ListAsync(new EarlyHelpListQuery(), partner: false, CommandSupport.CliActor(), cancellationToken);
            List<string[]> rows = [["Family", "Children", "Started", "Lead professional", "Lead agency", "Assessment", "Next review", "Episode"]];
            rows.AddRange(items.Select(i => new[]
            {
                i.FamilyName,
                i.Children.ToString(CultureInfo.InvariantCulture),
                CommandSupport.FormatDate(i.StartedOn),
                i.LeadName ?? "not agreed",
                i.LeadAgency ?? "-",
                i.AssessmentAuthorised ? "authorised" : "not authorised",
                (i.NextReview.Status == DeadlineStatus.Overdue ? "overdue, was due " : "due ") + CommandSupport.FormatDate(i.NextReview.Deadline.DueDate),
                i.Id.ToString(),
            }));
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }

    /// <summary>A reporting year's figures by quarter, then the lead-professional share by agency at each quarter end.</summary>
    private static Command Figures(CliServices services)
    {
        var year = CommandSupport.ReportingYearOption(2024);
        var command = new Command("figures", "Early help by quarter: opened, closed, open at quarter end, assessments authorised, step-ups and step-downs, outcomes, and the lead-professional share by agency") { year };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var figures = await scope.ServiceProvider.GetRequiredService<EarlyHelpFiguresService>().ForYearAsync(new ReportingYear(parseResult.GetRequiredValue(year)), CommandSupport.CliActor(), cancellationToken);
            static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
            List<string[]> rows = [["Quarter", "Opened", "Closed", "Open at end", "Assessments authorised", "Stepped up", "Stepped down", "No lead", "Needs met", "Stepped up (closed)", "Moved away", "Consent withdrawn", "Other"]];
            rows.AddRange(figures.Quarters.Select(q => new[]
            {
                q.Quarter.Name, N(q.Opened), N(q.Closed), N(q.OpenAtEnd), N(q.AssessmentsAuthorised), N(q.SteppedUp), N(q.SteppedDown), N(q.OpenWithoutLead),
                N(q.Outcomes.GetValueOrDefault(EarlyHelpOutcome.NeedsMet)), N(q.Outcomes.GetValueOrDefault(EarlyHelpOutcome.SteppedUp)), N(q.Outcomes.GetValueOrDefault(EarlyHelpOutcome.MovedAway)),
                N(q.Outcomes.GetValueOrDefault(EarlyHelpOutcome.ConsentWithdrawn)), N(q.Outcomes.GetValueOrDefault(EarlyHelpOutcome.Other)),
            }));
            await CommandSupport.WriteTableAsync(output, rows);
            await output.WriteLineAsync();
            List<string[]> share = [["Lead agency", .. figures.Quarters.Select(q => q.Quarter.Name)]];
            share.AddRange(figures.Agencies.Select(a => new[] { a.Name }.Concat(figures.Quarters.Select(q =>
                q.Share(a.Id) is { } s ? $"{s.ToString("0.0", CultureInfo.InvariantCulture)}% ({N(q.LeadsByAgency.GetValueOrDefault(a.Id))})" : "-")).ToArray()));
            await CommandSupport.WriteTableAsync(output, share);
        });
        return command;
    }
}
