using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.ApiClients;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard api-keys ...</c>: keys for partner systems to use the API, each for one agency and some permissions.</summary>
public static class ApiKeyCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new Command("api-keys", "Keys for partner systems to use the API (/api/v1)") { CreateKey(services), List(services), Revoke(services) };
    }

    private static Command CreateKey(CliServices services)
    {
        var agency = new Option<string>("--agency") { Description = "The code of the agency the key acts for, for example POLICE", Required = true };
        var name = new Option<string>("--name") { Description = "The client's name, like the partner system's", Required = true };
        var permission = new Option<string[]>("--permission")
        {
            Description = $"A permission the key carries (repeat for more): {string.Join(", ", ApiClientAdministration.Grantable.Select(p => p.Name))}",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("create", "Create a key; it is printed once and cannot be shown again") { agency, name, permission };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var created = await scope.ServiceProvider.GetRequiredService<ApiClientAdministration>().CreateAsync(
                new NewApiClient(parseResult.GetRequiredValue(name), parseResult.GetRequiredValue(agency), parseResult.GetRequiredValue(permission)),
                CommandSupport.CliActor(),
                cancellationToken);
            await output.WriteLineAsync($"Created the key for {created.Client.Name} ({created.Client.Id}).");
            await output.WriteLineAsync($"Key (shown once): {created.Key}");
        });
        return command;
    }

    private static Command List(CliServices services)
    {
        var command = new Command("list", "List the keys: client, agency, prefix, permissions and whether revoked (never the keys)");
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var clients = await scope.ServiceProvider.GetRequiredService<ApiClientAdministration>().ListAsync(cancellationToken);
            List<string[]> rows = [["Id", "Client", "Agency", "Prefix", "Permissions", "Status"]];
            rows.AddRange(clients.Select(c => new[]
            {
                c.Id.ToString(), c.Name, c.AgencyCode, c.KeyPrefix, string.Join(",", c.Permissions),
                c.RevokedAt is { } r ? $"revoked {CommandSupport.FormatDate(DateOnly.FromDateTime(r.UtcDateTime))}" : "active",
            }));
            await CommandSupport.WriteTableAsync(output, rows);
        });
        return command;
    }

    private static Command Revoke(CliServices services)
    {
        var id = new Argument<Guid>("id") { Description = "The client's id, from api-keys list" };
        var reason = new Option<string>("--reason") { Description = "Why the key is revoked (kept in the audit trail)", Required = true };
        var command = new Command("revoke", "Revoke a key: it stops working at once") { id, reason };
        command.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ApiClientAdministration>().RevokeAsync(
                parseResult.GetRequiredValue(id), parseResult.GetRequiredValue(reason), CommandSupport.CliActor(), cancellationToken);
            await output.WriteLineAsync("Revoked.");
        });
        return command;
    }
}
