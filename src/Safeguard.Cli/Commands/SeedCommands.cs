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
        var scale = new Option<double>("--scale") { Description = "The area's size: 1 is a borough of about 43,000 children with about 10,000 contacts a year; larger for benchmarks", DefaultValueFactory = _ => 1 };
        var seed = new Option<int>("--seed") { Description = "Seeds the random choices: the same seed and scale give the same area", DefaultValueFactory = _ => DemoOptions.DefaultSeed };
        var demo = new Command("demo", "Add the demo agencies, teams, one user per role, and an area's children with years of front door and casework activity (migrating the database first); running it again adds nothing") { area, force, scale, seed };
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

            var options = new DemoOptions(parseResult.GetValue(scale), parseResult.GetValue(seed));
            try
            {
                options.Checked();
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new ArgumentException($"--scale: {ex.Message.Split(" (Parameter", 2)[0]}", ex);
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(parseResult.GetRequiredValue(area), options, cancellationToken);
            await output.WriteLineAsync(
                $"Demo data: {result.AgenciesAdded} agencies, {result.UsersAdded} users, {result.ChildrenAdded} children, {result.ContactsAdded} contacts, {result.ReferralsAdded} referrals and {result.ReviewsAdded} case reviews added.");
            await output.WriteLineAsync($"Took {clock.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s.");
            await output.WriteAsync(DemoSeeder.SignInSheet("http://127.0.0.1:5080"));
        });
        return new Command("seed", "Add data to the database") { demo };
    }
}
