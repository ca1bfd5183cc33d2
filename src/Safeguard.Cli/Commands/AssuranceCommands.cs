using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Assurance;
using Safeguard.Common;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard audits ...</c>: the partnership's multi-agency audit programme.</summary>
public static class AssuranceCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("audits", "Multi-agency audits: the programme and its return rates") { List(services) };
    }

    /// <summary>The audits of a programme year (or every year): status, cases, returns and the return rate, one line each.</summary>
    private static Command List(CliServices services)
    {
        var year = new Option<int?>("--year") { Description = "The programme year by its starting year (2026 for 2026-27); every year when left out" };
        var command = new Command("list", "The audits of the programme, newest year first: year, title, status, returns due, returned of asked, rate") { year };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var audits = scope.ServiceProvider.GetRequiredService<AuditService>();
            var returns = scope.ServiceProvider.GetRequiredService<AuditReturnService>();
            List<string[]> rows = [["Year", "Audit", "Theme", "Status", "Returns due", "Returned", "Rate", "Id"]];
            foreach (var audit in await audits.ProgrammeAsync(parseResult.GetValue(year), cancellationToken))
            {
                var rates = await returns.RatesAsync(audit.Id, cancellationToken: cancellationToken);
                int asked = rates.Sum(r => r.Asked), returned = rates.Sum(r => r.Returned);
                rows.Add(
                [
                    new ReportingYear(audit.YearStart).Name,
                    audit.Title,
                    audit.Theme,
                    audit.Status.ToString(),
                    audit.ReturnsDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                    asked == 0 ? "-" : $"{returned}/{asked}",
                    asked == 0 ? "-" : (100m * returned / asked).ToString("0.0", CultureInfo.InvariantCulture) + "%",
                    audit.Id.ToString(),
                ]);
            }

            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }
}
