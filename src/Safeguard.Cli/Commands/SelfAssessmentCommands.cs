using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Assurance;
using Safeguard.Common;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard self-assessments ...</c>: section 11 and section 175 rounds, who still owes a return, and the year's figures.</summary>
public static class SelfAssessmentCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("self-assessments", "Section 11 and section 175 self-assessments: rounds, returns owed and return rates") { List(services), Owed(services), Figures(services) };
    }

    private static Option<int?> YearOption(string description) => new("--year") { Description = description };

    /// <summary>The rounds of a year (or every year): kind, status, due date, returned of asked and the rate, one line each.</summary>
    private static Command List(CliServices services)
    {
        var year = YearOption("The year by its starting year (2026 for 2026-27); every year when left out");
        var command = new Command("list", "The rounds, newest year first: year, kind, title, status, due, returned of asked, rate, id") { year };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var rounds = await scope.ServiceProvider.GetRequiredService<SelfAssessmentService>().ListAsync(parseResult.GetValue(year), cancellationToken);
            List<string[]> rows = [["Year", "Kind", "Round", "Status", "Due", "Returned", "Rate", "Id"]];
            rows.AddRange(rounds.Select(r => new[]
            {
                new ReportingYear(r.Round.YearStart).Name,
                KindName(r.Round.Kind),
                r.Round.Title,
                r.Round.Status.ToString(),
                r.Round.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                r.Asked == 0 ? "-" : $"{r.Returned}/{r.Asked}",
                r.Asked == 0 ? "-" : Percent(100m * r.Returned / r.Asked),
                r.Round.Id.ToString(),
            }));
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }

    /// <summary>The agencies and schools that still owe a round's return, overdue first: what the business unit chases.</summary>
    private static Command Owed(CliServices services)
    {
        var round = new Option<Guid>("--round") { Description = "The round's id (from `self-assessments list`)", Required = true };
        var command = new Command("owed", "Who still owes a round's return, overdue first: agency, sector, due, overdue, reminders sent") { round };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var service = scope.ServiceProvider.GetRequiredService<SelfAssessmentService>();
            var id = parseResult.GetRequiredValue(round);
            if (await service.GetAsync(id, cancellationToken) is null)
            {
                throw new ArgumentException($"Option --round: there is no self-assessment round with the id {id}.");
            }

            var owed = (await service.ReturnsAsync(id, cancellationToken)).Where(r => !r.Return.IsSubmitted).ToList();
            if (owed.Count == 0)
            {
                await output.WriteLineAsync("Every agency asked has returned its self-assessment.");
                return;
            }

            List<string[]> rows = [["Agency", "Sector", "Due", "Overdue", "Reminders"]];
            rows.AddRange(owed.Select(r => new[]
            {
                r.AgencyName, r.Return.Sector, r.Return.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Overdue ? "yes" : "no", r.Return.Reminders.ToString(CultureInfo.InvariantCulture),
            }));
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }

    /// <summary>The annual report's figures: each round of the year with its return rate by sector.</summary>
    private static Command Figures(CliServices services)
    {
        var year = new Option<int>("--year") { Description = "The year by its starting year (2026 for 2026-27)", Required = true };
        var command = new Command("figures", "Return rates by sector for each round of a year, as the annual report gives them") { year };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var figures = await scope.ServiceProvider.GetRequiredService<SelfAssessmentFigures>().ForYearAsync(new ReportingYear(parseResult.GetRequiredValue(year)), cancellationToken);
            List<string[]> rows = [["Round", "Kind", "Sector", "Returned", "Rate"]];
            foreach (var round in figures)
            {
                rows.AddRange(round.Sectors.Select(s => new[] { round.Title, KindName(round.Kind), s.Sector, $"{s.Returned}/{s.Asked}", Percent(s.Rate) }));
                rows.Add([round.Title, KindName(round.Kind), "All", $"{round.Returned}/{round.Asked}", Percent(round.Rate)]);
            }

            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }

    private static string KindName(SelfAssessmentKind kind) => kind == SelfAssessmentKind.Section11 ? "Section 11" : "Section 175";

    private static string Percent(decimal rate) => rate.ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
