using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Safeguard.DemoData;
using Safeguard.Persistence;

namespace Safeguard.Cli.Commands;

/// <summary><c>safeguard seed demo</c>: demo data for trying Safeguard out.</summary>
public static class SeedCommands
{
    public static Command Create(CliServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var area = new Option<string>("--area") { Description = "The local area's name used in agency names", DefaultValueFactory = _ => "Demo area" };
        var force = new Option<bool>("--force") { Description = "Add the demo data even though the database has other users" };
        var demo = new Command("demo", "Add the demo agencies, teams and one user per role (migrating the database first); running it again adds nothing") { area, force };
        demo.SetOutputAction(async (parseResult, output, cancellationToken) =>
        {
            await using var provider = services.OpenServices(parseResult);
            using var scope = provider.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SafeguardDbContext>();
            await SafeguardDatabase.MigrateAsync(db, cancellationToken);

            // The demo password and secrets are published: never add them beside real accounts by accident.
            var demoNames = DemoSeeder.Users.Select(u => u.UserName).ToList();
            var others = await db.Users.CountAsync(u => !demoNames.Contains(u.UserName!), cancellationToken);
            if (others > 0 && !parseResult.GetValue(force))
            {
                throw new ArgumentException(
                    $"This database has {others} user(s) besides the demo users, so it looks like a real deployment. The demo users have a published password; add --force if you really want them here.");
            }

            var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(parseResult.GetRequiredValue(area), cancellationToken);
            await output.WriteLineAsync($"Demo data: {result.AgenciesAdded} agencies, {result.UsersAdded} users, {result.ChildrenAdded} children and {result.ReviewsAdded} case reviews added.");
            await output.WriteAsync(DemoSeeder.SignInSheet("http://127.0.0.1:5080"));
        });
        return new Command("seed", "Add data to the database") { demo };
    }
}
