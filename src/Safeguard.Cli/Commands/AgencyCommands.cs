using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Organisations;
using Safeguard.Persistence;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard agencies ...</c>: the partnership's agencies and teams, for setting up a deployment.</summary>
public static class AgencyCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("agencies", "The partnership's agencies and their teams") { Add(services), AddTeam(services), List(services) };
    }

    private static Command Add(CliServices services)
    {
        var code = new Option<string>("--code") { Description = "A short unique code, for example POLICE", Required = true };
        var name = new Option<string>("--name") { Description = "The agency's name", Required = true };
        var type = new Option<AgencyType>("--type") { Description = $"The kind of agency: {string.Join(", ", Enum.GetNames<AgencyType>())}", Required = true };
        var partner = new Option<StatutoryPartner?>("--partner") { Description = "The statutory partner it speaks for: LocalAuthority, Health or Police" };
        var phase = new Option<SchoolPhase?>("--phase") { Description = $"A school's phase: {string.Join(", ", Enum.GetNames<SchoolPhase>())}" };
        var command = new Command("add", "Add an agency") { code, name, type, partner, phase };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var agency = await scope.ServiceProvider.GetRequiredService<OrganisationAdministration>().CreateAgencyAsync(
                new AgencyDetails(parseResult.GetRequiredValue(name), parseResult.GetRequiredValue(code), parseResult.GetRequiredValue(type), parseResult.GetValue(partner), parseResult.GetValue(phase)),
                CommandSupport.CliActor(),
                cancellationToken);
            await output.WriteLineAsync($"Added {agency.Name} ({agency.Code}).");
        });
        return command;
    }

    private static Command AddTeam(CliServices services)
    {
        var agency = new Option<string>("--agency") { Description = "The agency's code", Required = true };
        var name = new Option<string>("--name") { Description = "The team's name", Required = true };
        var command = new Command("add-team", "Add a team to an agency") { agency, name };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var code = parseResult.GetRequiredValue(agency).Trim().ToUpperInvariant();
            var found = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Agencies.FirstOrDefaultAsync(a => a.Code == code, cancellationToken)
                ?? throw new ArgumentException($"Option --agency: there is no agency with the code '{code}'.");
            var team = await scope.ServiceProvider.GetRequiredService<OrganisationAdministration>().CreateTeamAsync(found.Id, parseResult.GetRequiredValue(name), CommandSupport.CliActor(), cancellationToken);
            await output.WriteLineAsync($"Added the team {team.Name} to {found.Name}.");
        });
        return command;
    }

    private static Command List(CliServices services)
    {
        var command = new Command("list", "List the agencies and their teams");
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var agencies = await scope.ServiceProvider.GetRequiredService<SafeguardDbContext>().Agencies.AsNoTracking()
                .Include(a => a.Teams).OrderBy(a => a.Code).ToListAsync(cancellationToken);
            List<string[]> rows = [["Code", "Agency", "Kind", "Partner", "Phase", "Teams"]];
            rows.AddRange(agencies.Select(a => new[]
            {
                a.Code, a.Name, a.Type.ToString(), a.StatutoryPartner?.ToString() ?? "", a.Phase?.ToString() ?? "", string.Join(", ", a.Teams.Select(t => t.Name).Order(StringComparer.Ordinal)),
            }));
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }
}
