using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.Dataset;
using Safeguard.Identity;
using Safeguard.Persistence;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard db ...</c>: the database itself.</summary>
public static class DatabaseCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var migrate = new Command("migrate", "Create the database or bring it up to date with every migration, and the roles with their permissions");
        migrate.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            var applied = await SafeguardDatabase.MigrateAsync(db, cancellationToken);
            await RoleSetup.SyncAsync(db, cancellationToken);
            var indicators = await IndicatorCatalogue.SyncAsync(db, cancellationToken);
            foreach (var migration in applied)
            {
                await output.WriteLineAsync($"Applied {migration}");
            }

            var all = await SafeguardDatabase.AppliedMigrationsAsync(db, cancellationToken);
            if (indicators > 0)
            {
                await output.WriteLineAsync($"Added {indicators} indicator(s) to the partnership dataset catalogue");
            }

            await output.WriteLineAsync($"{services.Database(parseResult).Describe()} is up to date ({all.Count} migrations, {applied.Count} applied now).");
        });
        return new Command("db", "The database: create it or bring it up to date") { migrate };
    }
}
